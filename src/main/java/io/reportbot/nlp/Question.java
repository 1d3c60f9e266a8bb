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
 * @param pointsBack   whether it points back to what was said before ("Woher stammt das?", "and that?")
 */
public record Question(String normalized, List<Integer> years, List<Double> claims, boolean verification,
                       Set<Aspect> aspects, List<String> otherPlaces, boolean future, boolean pointsBack) {

    public Question {
        years = List.copyOf(years);
        claims = List.copyOf(claims);
        aspects = Set.copyOf(aspects);
        otherPlaces = List.copyOf(otherPlaces);
    }

    /** The same question with these other places besides its own (named before the question, in a preamble). */
    public Question withOtherPlaces(List<String> more) {
        List<String> all = new java.util.ArrayList<>(otherPlaces);
        more.stream().filter(p -> !all.contains(p)).forEach(all::add);
        return new Question(normalized, years, claims, verification, aspects, all, future, pointsBack);
    }

    public Optional<String> firstOtherPlace() {
        return otherPlaces.stream().findFirst();
    }

    /** True when the normalised question holds the phrase as whole words. */
    public boolean mentions(String normalizedPhrase) {
        return containsPhrase(normalized, normalizedPhrase);
    }

    /** True when the phrase stands in the text as whole words (words are separated by single spaces). */
    static boolean containsPhrase(String normalizedText, String phrase) {
        int n = phrase.length();
        if (n == 0) {
            return false;
        }
        if (phrase.charAt(0) == ' ' || phrase.charAt(n - 1) == ' ') {
            return (" " + normalizedText + " ").contains(" " + phrase + " ");
        }
        for (int at = normalizedText.indexOf(phrase); at >= 0; at = normalizedText.indexOf(phrase, at + 1)) {
            int end = at + n;
            if ((at == 0 || normalizedText.charAt(at - 1) == ' ')
                    && (end == normalizedText.length() || normalizedText.charAt(end) == ' ')) {
                return true;
            }
        }
        return false;
    }
}
