package io.reportbot.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewTest {

    @TempDir
    Path dir;

    @Test
    void groupsSimilarQuestionsAndNamesTheNearestRealIntent() throws Exception {
        Path log = dir.resolve("u.jsonl");
        Files.write(log, List.of(
                "{\"text\":\"Wie viele Patente hat Beijing?\",\"top\":[{\"intent\":\"out_of_scope\",\"score\":0.9},{\"intent\":\"beijing_leadership\",\"score\":0.05}]}",
                "{\"text\":\"wie viele patente hat peking\",\"top\":[{\"intent\":\"out_of_scope\",\"score\":0.8},{\"intent\":\"beijing_leadership\",\"score\":0.07}]}",
                "this line is broken",
                "{\"text\":\"Erzähl mir einen Witz\",\"top\":[{\"intent\":\"out_of_scope\",\"score\":0.7},{\"intent\":\"overview\",\"score\":0.1}]}"));
        Review.Log read = Review.read(log);
        assertThat(read.brokenLines()).isEqualTo(1);
        List<Review.Group> groups = Review.group(read.entries());
        assertThat(groups).hasSize(2);
        assertThat(groups.get(0).count()).isEqualTo(2);
        assertThat(groups.get(0).nearestIntent()).isEqualTo("beijing_leadership");
        assertThat(groups.get(1).nearestIntent()).isEqualTo("overview");
    }

    @Test
    void aMalformedByteOrLineCostsThatLineOnlyAndIsCounted() throws Exception {
        Path log = dir.resolve("bytes.jsonl");
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        b.writeBytes("{\"text\":\"Wie viele Patente?\",\"top\":[{\"intent\":\"unicorns\",\"score\":0.2}]}\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        b.writeBytes(new byte[] {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'});
        b.writeBytes("[1, 2]\n{\"text\": null}\n\n{\"text\":\"Erzähl einen Witz\"}\r\n{\"text\":\"Einhörner?\"}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Files.write(log, b.toByteArray());
        Review.Log read = Review.read(log);
        assertThat(read.entries()).extracting(Review.Entry::text)
                .containsExactly("Wie viele Patente?", "Erzähl einen Witz", "Einhörner?");
        assertThat(read.brokenLines()).isEqualTo(3);
        assertThat(read.brokenAt()).containsExactly(2L, 3L, 4L);
    }
}
