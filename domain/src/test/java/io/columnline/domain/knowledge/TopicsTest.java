package io.columnline.domain.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicsTest {
    @Test
    void case_dashes_whitespace_and_surrounding_punctuation_do_not_make_another_topic() {
        assertThat(Topics.key("ООО Ромашка — market")).isEqualTo("ооо ромашка - market");
        assertThat(Topics.key("  ооо   ромашка - market!")).isEqualTo("ооо ромашка - market");
        assertThat(Topics.key("«Straße\tＡＢＣ»…")).isEqualTo("strasse abc");
        assertThat(Topics.key("(acme) pricing?")).isEqualTo("acme) pricing");
    }

    @Test
    void inner_punctuation_stays_and_nothing_but_punctuation_is_empty() {
        assertThat(Topics.key("acme.com, pricing")).isEqualTo("acme.com, pricing");
        assertThat(Topics.key(" — ! ")).isEmpty();
        assertThat(Topics.key("")).isEmpty();
    }
}
