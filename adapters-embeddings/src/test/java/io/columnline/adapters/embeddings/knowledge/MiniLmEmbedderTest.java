package io.columnline.adapters.embeddings.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real model from its jar. */
class MiniLmEmbedderTest {
    static MiniLmEmbedder embedder;
    static Path home;

    static final String FILLER = "Our sales team researches every company before the first call and writes down the"
            + " decision makers, their priorities for the quarter, and the signals that made us call them. ";

    @BeforeAll
    static void load() throws Exception {
        home = Files.createTempDirectory("columnline-djl");
        embedder = new MiniLmEmbedder(new EmbedderHome(home));
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    @Test
    void vectors_have_384_unit_length_dimensions_and_similar_texts_are_close() {
        List<float[]> vectors = embedder.embed(List.of(
                "The cat sits on the mat.", "A kitten is resting on a rug.", "Quarterly revenue grew by 18 percent."));

        assertThat(vectors).hasSize(3).allSatisfy(v -> {
            assertThat(v).hasSize(384);
            assertThat(cosine(v, v)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        });
        assertThat(cosine(vectors.get(0), vectors.get(1))).isGreaterThan(cosine(vectors.get(0), vectors.get(2)));
        assertThat(embedder.model()).isEqualTo("all-minilm-l6-v2-q");
        assertThat(embedder.dimension()).isEqualTo(384);
    }

    @Test
    void text_at_the_end_of_a_long_chunk_changes_its_vector_and_is_found_by_it() {
        String prefix = FILLER.repeat(8);
        assertThat(embedder.tokens(prefix)).as("well past the model's window").isGreaterThan(200);
        List<String> endings = List.of(
                "The Norwegian salmon farm doubled its smolt output after moving to closed pens.",
                "The steel mill in Linz replaced two blast furnaces with electric arc furnaces.",
                "The bakery chain opened forty new shops in Bavaria and cut its flour costs.",
                "The payroll software vendor moved every customer to its new cloud platform.");
        List<String> chunks = endings.stream().map(e -> prefix + e).toList();

        List<float[]> vectors = embedder.embed(chunks);
        float[] bare = embedder.embed(List.of(prefix)).get(0);
        float[] query = embedder.embed(List.of("salmon farm smolt output in closed pens"))
                .get(0);

        assertThat(cosine(bare, vectors.get(0)))
                .as("the ending moved the vector")
                .isLessThan(0.999);
        int nearest = 0;
        for (int i = 1; i < vectors.size(); i++) {
            if (cosine(query, vectors.get(i)) > cosine(query, vectors.get(nearest))) {
                nearest = i;
            }
        }
        assertThat(nearest)
                .as("the chunk whose last sentence answers the query is the nearest")
                .isZero();
    }

    @Test
    void every_window_fits_the_model_and_no_word_is_lost() {
        String text = FILLER.repeat(10) + "x".repeat(3000) + " Сибирская компания «Ёлка» растёт.";
        List<String> windows = embedder.windows(text);

        assertThat(windows.size()).isGreaterThanOrEqualTo(3);
        assertThat(windows).allSatisfy(w -> assertThat(embedder.tokens(w)).isLessThanOrEqualTo(128));
        assertThat(String.join("", windows).replace(" ", "")).isEqualTo(text.replaceAll("\\s+", ""));
        assertThat(embedder.embed(List.of(text)).get(0)).hasSize(384);
    }

    @Test
    void the_runtime_keeps_its_files_under_the_given_home() throws Exception {
        embedder.embed(List.of("anything"));

        assertThat(System.getProperty("DJL_CACHE_DIR")).isEqualTo(home.toString());
        assertThat(System.getProperty("OPT_OUT_TRACKING")).isEqualTo("true");
        assertThat(System.getProperty("DJL_OFFLINE")).isEqualTo("true");
        try (var files = Files.list(home)) {
            assertThat(files.findAny())
                    .as("the tokenizer's native library is unpacked here")
                    .isPresent();
        }
    }
}
