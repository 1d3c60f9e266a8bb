package io.reportbot.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.reportbot.core.Language;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class TextBundleTest {
    private final TextBundle bundle = TextBundle.load("io.reportbot.text.sample");
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(TextBundle.class);

    @BeforeEach
    void listen() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(log);
    }

    @Test
    void aKeyComesFromItsLanguage() {
        assertThat(bundle.format(Language.DE, "greeting", "Ada")).isEqualTo("Hallo Ada!");
        assertThat(bundle.format(Language.EN, "greeting", "Ada")).isEqualTo("Hello Ada!");
        assertThat(log.list).isEmpty();
    }

    @Test
    void aKeyMissingInGermanFallsBackToEnglishAndIsLoggedOnce() {
        assertThat(bundle.get(Language.DE, "only.en")).isEqualTo("English only");
        assertThat(bundle.get(Language.DE, "only.en")).isEqualTo("English only");
        assertThat(bundle.has(Language.DE, "only.en")).isFalse();
        assertThat(log.list).hasSize(1);
        assertThat(log.list.get(0).getFormattedMessage()).contains("only.en", "io.reportbot.text.sample", "(de)");
    }

    @Test
    void aKeyMissingEverywhereShowsInBracketsAndIsLoggedOnce() {
        assertThat(bundle.get(Language.EN, "no.such.key")).isEqualTo("[no.such.key]");
        assertThat(bundle.format(Language.DE, "only.de.not")).isEqualTo("[only.de.not]");
        assertThat(bundle.format(Language.EN, "no.such.key", 1)).isEqualTo("[no.such.key]");
        assertThat(bundle.get(Language.EN, "only.de")).isEqualTo("[only.de]");
        assertThat(log.list).hasSize(3);
    }

    @Test
    void apostrophesAreLiteralAndArgumentsAreInsertedAsText() {
        assertThat(bundle.format(Language.EN, "quote", "Ada", "{2}")).isEqualTo("That's Ada's question, not '{2}'.");
        assertThat(bundle.format(Language.DE, "greeting", 2400)).isEqualTo("Hallo 2400!");
        assertThat(bundle.get(Language.EN, "greeting")).isEqualTo("Hello {0}!");
    }

    @Test
    void aBundleThatDoesNotExistFailsAtLoad() {
        assertThatThrownBy(() -> TextBundle.load("io.reportbot.text.nothing")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("io.reportbot.text.nothing");
    }
}
