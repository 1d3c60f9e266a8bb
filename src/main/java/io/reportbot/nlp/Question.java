package io.reportbot.nlp;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the engine reads from a question besides its intent.
 *
 * @param normalized   the normalised text
 * @param years        years it names (1900–2099)
 * @param claims       other figures it states, to confirm or correct
 * @param verification whether it asks to confirm something ("stimmt es, dass …", "is it true …")
 * @param aspects      what about a topic it asks
 * @param otherPlaces  the places it names other than the report's (as written, normalised)
 * @param future       whether it asks about the future
 */
public record Question(String normalized, List<Integer> years, List<Double> claims, boolean verification,
                       Set<Aspect> aspects, List<String> otherPlaces, boolean future) {

    public Question {
        years = List.copyOf(years);
        claims = List.copyOf(claims);
        aspects = Set.copyOf(aspects);
        otherPlaces = List.copyOf(otherPlaces);
    }

    public Optional<String> firstOtherPlace() {
        return otherPlaces.stream().findFirst();
    }

    /** True when the normalised question holds the phrase as whole words. */
    public boolean mentions(String normalizedPhrase) {
        return containsPhrase(normalized, normalizedPhrase);
    }

    static boolean containsPhrase(String normalizedText, String phrase) {
        if (phrase.isEmpty()) {
            return false;
        }
        return (" " + normalizedText + " ").contains(" " + phrase + " ");
    }
}
