package io.reportbot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The question store on SQLite, the embedded default: one file in a temp folder. */
class SqliteQuestionStoreTest extends QuestionStoreContract {

    @TempDir
    Path dir;

    @Override
    String url() {
        return "jdbc:sqlite:" + dir.resolve("questions.db");
    }

    @Override
    String reopenUrl() {
        return url();
    }

    @Test
    void isOneFileWithTheMigrationsApplied() {
        store.insert(List.of(answered(T0, "console", "en", "unicorns")));
        assertThat(Files.exists(dir.resolve("questions.db"))).isTrue();
        assertThat(store.where()).isEqualTo(url());
    }

    @Test
    void anUnknownDatabaseIsAClearErrorWithoutThePassword() {
        assertThatThrownBy(() -> QuestionStore.open("jdbc:mysql://db/x?user=u&password=hunter2secret"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("jdbc:sqlite: or jdbc:postgresql:")
                .hasMessageNotContaining("hunter2secret");
    }

    @Test
    void anUnreachablePostgresIsAClearErrorWithoutThePassword() {
        assertThatThrownBy(() -> QuestionStore.open(
                "jdbc:postgresql://127.0.0.1:1/none?user=u&password=hunter2secret&connectTimeout=2"))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot open the question store")
                .hasMessageNotContaining("hunter2secret");
    }

    @Test
    void redactsPasswordsInUrls() {
        assertThat(StoreException.redact("jdbc:postgresql://h/db?user=u&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=u&password=***&ssl=true");
        assertThat(StoreException.redact("jdbc:postgresql://u:s3cret@h/db")).isEqualTo("jdbc:postgresql://u:***@h/db");
    }
}
