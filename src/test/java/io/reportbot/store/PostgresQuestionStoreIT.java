package io.reportbot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The question store on PostgreSQL (Debian's server, started by the test on a loopback port with a temp data folder):
 * the same contract as on SQLite, with the same migrations, plus two replicas writing to one database.
 */
class PostgresQuestionStoreIT extends QuestionStoreContract {

    static PostgresServer pg;
    static final AtomicInteger DATABASES = new AtomicInteger();
    String current;

    @BeforeAll
    static void startPostgres() throws Exception {
        pg = PostgresServer.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    @Override
    String url() throws Exception {
        current = "questions_" + DATABASES.incrementAndGet();
        return pg.newDatabase(current);
    }

    @Override
    String reopenUrl() {
        return pg.url(current);
    }

    @Test
    void twoReplicasShareOneSaltAndOneTable() {
        try (QuestionStore replica = QuestionStore.open(pg.url(current))) {
            assertThat(replica.salt()).isEqualTo(store.salt());
            replica.insert(List.of(answered(T0, "telegram", "de", "unicorns")));
            store.insert(List.of(missed(T0.plusSeconds(1), "discord", "en", "Who won the match?")));
            assertThat(store.count(false)).isEqualTo(2);
            assertThat(replica.open(T0.minusSeconds(1), 10)).extracting(InboxEntry::text)
                    .containsExactly("Who won the match?");
        }
    }
}
