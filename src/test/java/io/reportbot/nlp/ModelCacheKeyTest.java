package io.reportbot.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.reportbot.core.Language;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model key is hashed in one call now; it must stay the digest of the same bytes fed piece by piece. */
class ModelCacheKeyTest {

    /** The key as it was computed before: one small {@code update} per length byte and per string. */
    private static String pieceByPiece(List<Intent> intents, IntentClassifier.Settings settings) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        update(md, "reportbot-doccat-1");
        update(md, settings.toString());
        update(md, String.valueOf(opennlp.tools.util.Version.currentVersion()));
        for (Intent i : intents.stream().sorted(Comparator.comparing(Intent::name)).toList()) {
            update(md, i.name());
            update(md, i.kind().name());
            for (Language l : Language.values()) {
                update(md, l.code());
                for (String e : i.examples(l)) {
                    update(md, e);
                }
            }
        }
        return HexFormat.of().formatHex(md.digest(), 0, 16);
    }

    private static void update(MessageDigest md, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        md.update((byte) (b.length >>> 24));
        md.update((byte) (b.length >>> 16));
        md.update((byte) (b.length >>> 8));
        md.update((byte) b.length);
        md.update(b);
    }

    @Test
    void keyOfTheBundledIntentsIsUnchangedAndNamesTheModelInTheJar() throws Exception {
        List<Intent> intents = new IntentLoader().loadBundled();
        IntentClassifier.Settings settings = IntentClassifier.Settings.defaults();
        String key = ModelCache.key(intents, settings);
        assertThat(key).isEqualTo(pieceByPiece(intents, settings));
        assertThat(ModelCache.class.getResource("/models/" + ModelCache.fileName(key))).isNotNull();
    }

    @Test
    void keyIsTheSameWhateverTheOrderOfTheIntentsAndGrowsPastTheFirstBuffer() throws Exception {
        List<Intent> intents = new IntentLoader().loadBundled();
        List<Intent> reversed = new java.util.ArrayList<>(intents);
        java.util.Collections.reverse(reversed);
        IntentClassifier.Settings other = new IntentClassifier.Settings(7, 1, false, false);
        assertThat(ModelCache.key(reversed, other)).isEqualTo(ModelCache.key(intents, other))
                .isEqualTo(pieceByPiece(intents, other));
        // far more than the 128 KB the key starts with
        String longExample = "x".repeat(300_000) + "ä";
        Intent big = new Intent("zz_big", Intent.Kind.TOPIC,
                java.util.Map.of(Language.DE, List.of(longExample), Language.EN, List.of("y")));
        List<Intent> more = new java.util.ArrayList<>(intents);
        more.add(big);
        assertThat(ModelCache.key(more, other)).isEqualTo(pieceByPiece(more, other));
    }
}
