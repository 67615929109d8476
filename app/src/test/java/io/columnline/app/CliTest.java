package io.columnline.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.columnline.adapters.postgres.shared.TestPostgres;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CliTest {
    private Map<String, String> env;

    record Result(int code, String out, String err) {}

    @BeforeAll
    void database() {
        env = Map.of("COLUMNLINE_DATABASE_URL", TestPostgres.newDatabaseUrl());
    }

    private Result run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Main.run(args, env, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void clients_and_keys_round_trip() {
        assertThat(run("clients", "create", "acme", "--name", "Acme GmbH", "--timezone", "Europe/Berlin")
                        .code())
                .isZero();
        var list = run("clients", "list");
        assertThat(list.out()).contains("acme").contains("Acme GmbH").contains("Europe/Berlin");

        var key = run("keys", "create", "--client", "acme");
        assertThat(key.code()).isZero();
        assertThat(key.out()).containsPattern("key: +cl_").contains("client: acme");
        String id = key.out()
                .lines()
                .filter(l -> l.startsWith("id:"))
                .findFirst()
                .orElseThrow()
                .substring(3)
                .strip();
        assertThat(run("keys", "revoke", id).out()).contains("revoked " + id);

        assertThat(run("keys", "create", "--admin").out()).contains("client: (admin)");
    }

    @Test
    void errors_are_one_line_with_a_nonzero_exit() {
        var badSlug = run("clients", "create", "Not A Slug", "--name", "x");
        assertThat(badSlug.code()).isEqualTo(1);
        assertThat(badSlug.err().strip())
                .startsWith("columnline: ")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");

        var unknownClient = run("keys", "create", "--client", "nobody");
        assertThat(unknownClient.code()).isEqualTo(1);
        assertThat(unknownClient.err()).contains("client 'nobody' was not found");

        assertThat(run("keys", "revoke", "xyz").err()).contains("is not a key id");
        assertThat(run("keys", "create").code()).isEqualTo(2);
        assertThat(run("migrate").out()).contains("schema of").contains("version");
    }

    @Test
    void a_bad_setting_names_the_variable() {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Main.run(
                new String[] {"migrate"},
                Map.of("COLUMNLINE_PORT", "eighty"),
                new PrintWriter(out),
                new PrintWriter(err));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("COLUMNLINE_PORT must be a whole number");
    }
}
