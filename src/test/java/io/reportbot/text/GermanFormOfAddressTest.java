package io.reportbot.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * reportbot addresses German users as "Sie" everywhere: the engine, both adapters and the console. Every German
 * bundle ({@code *_de.properties}) is scanned for the familiar forms: du, dir, dich, dein…, euch, euer… as whole
 * words, and du/ihr imperatives ("schreib", "frag", "versuch", "Fragt mich") in a sentence without "Sie".
 */
class GermanFormOfAddressTest {
    private static final Pattern PRONOUN = Pattern.compile(
            "(?iu)(?<![\\p{L}])(du|dir|dich|dein\\p{L}*|euch|euer|eur(e|en|em|er|es))(?![\\p{L}])");
    /** Imperatives of the familiar forms; lower case anywhere, or capitalised (a noun like "Frage" is not among them). */
    private static final Pattern IMPERATIVE = Pattern.compile("(?u)(?<![\\p{L}])("
            + "[sS]chreib|[sS]chreibe|[fF]rag|[tT]ippe|[wW]ähl|[wW]ähle|[vV]ersuch|[gG]ib|[nN]imm|[sS]ieh|[sS]chau|[wW]arte"
            + "|[sS]telle|[bB]enutze|Fragt|Schreibt|Tippt|Erwähnt|Antwortet|Wählt|Versucht|Gebt)(?![\\p{L}])");
    private static final Pattern SIE = Pattern.compile("(?<![\\p{L}])Sie(?![\\p{L}])");

    /** The problems in one text: the familiar words it uses, or empty. */
    static List<String> familiarForms(String text) {
        List<String> found = new ArrayList<>();
        for (String sentence : text.split("[.!?;:\\n]+")) {
            PRONOUN.matcher(sentence).results().forEach(m -> found.add(m.group()));
            if (!SIE.matcher(sentence).find()) {
                IMPERATIVE.matcher(sentence).results().forEach(m -> found.add(m.group()));
            }
        }
        return found;
    }

    @Test
    void theScannerFindsTheFamiliarForms() {
        assertThat(familiarForms("Bitte schreib deine Frage.")).containsExactly("deine", "schreib");
        assertThat(familiarForms("Frag zum Beispiel")).containsExactly("Frag");
        assertThat(familiarForms("Versuch es mit /themen.")).containsExactly("Versuch");
        assertThat(familiarForms("Du fragst schneller, als ich antworten kann.")).containsExactly("Du");
        assertThat(familiarForms("Hallo zusammen! Fragt mich mit /ask")).containsExactly("Fragt");
        assertThat(familiarForms("Stelle eine Frage zum Bericht")).containsExactly("Stelle");
        assertThat(familiarForms("Schreiben Sie einfach Ihre Frage. Die Frage zu Dubai, stellen Sie sie.")).isEmpty();
        assertThat(familiarForms("Bitte tippen Sie Ihre Frage; warten Sie einen Moment.")).isEmpty();
    }

    @Test
    void everyGermanBundleSaysSie() throws IOException {
        List<Path> bundles;
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources"))) {
            bundles = files.filter(f -> f.getFileName().toString().endsWith("_de.properties")).sorted().toList();
        }
        assertThat(bundles).extracting(f -> f.getFileName().toString()).contains("wording_de.properties")
                .hasSizeGreaterThanOrEqualTo(4);
        List<String> problems = new ArrayList<>();
        for (Path bundle : bundles) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            for (String key : p.stringPropertyNames()) {
                List<String> found = familiarForms(p.getProperty(key));
                if (!found.isEmpty()) {
                    problems.add(bundle.getFileName() + " (" + bundle.getParent().getFileName() + ") " + key + ": " + found);
                }
            }
        }
        assertThat(problems).as("German text that says du or ihr instead of Sie").isEmpty();
    }
}
