package io.columnline.adapters.http.shared;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void bytes_that_look_like_utf32_but_are_not_are_a_malformed_body_not_a_server_error() {
        // found by BodyBindingFuzzTest: Jackson guessed UTF-32 from the zero bytes and threw an
        // IOException that is no parse error, which became a 500
        byte[] body = {0x01, 0, 0, 0, 0, 0, 0, 0, ':', '"', 'u', 'p', 's', 't', 'r', 'e', 'a', 'm', '"', '}'};
        assertThatThrownBy(() -> Json.tree(body))
                .isInstanceOf(MalformedBody.class)
                .hasMessageContaining("UTF-8");
    }
}
