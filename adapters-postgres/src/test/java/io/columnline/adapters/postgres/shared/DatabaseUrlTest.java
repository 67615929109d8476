package io.columnline.adapters.postgres.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {
    @Test
    void a_postgres_url_becomes_jdbc_with_separate_credentials() {
        var url = DatabaseUrl.parse("postgres://app:p%40ss@db.example.com:6543/prod?sslmode=require");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:6543/prod?sslmode=require");
        assertThat(url.user()).contains("app");
        assertThat(url.password()).contains("p@ss");
        assertThat(url.toString()).doesNotContain("p@ss");
    }

    @Test
    void a_jdbc_url_is_used_as_is() {
        assertThat(DatabaseUrl.parse("jdbc:postgresql://localhost/x?user=a").jdbcUrl())
                .isEqualTo("jdbc:postgresql://localhost/x?user=a");
    }

    @Test
    void anything_else_is_refused_with_the_variable_named() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://x/y")).hasMessageContaining("COLUMNLINE_DATABASE_URL");
    }
}
