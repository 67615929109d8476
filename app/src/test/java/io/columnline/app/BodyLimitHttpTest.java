package io.columnline.app;

import static io.columnline.app.TestApp.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A client that writes its whole body before it reads (as many HTTP modules do) still reads the
 * 413 of a body over the limit, instead of a reset connection.
 */
class BodyLimitHttpTest {
    @RegisterExtension
    static final TestApp APP =
            new TestApp().with("COLUMNLINE_MAX_BODY_BYTES", "65536").with("COLUMNLINE_MAX_IMPORT_BYTES", "65536");

    @Test
    void a_body_over_the_limit_sent_whole_before_reading_is_answered_413() throws Exception {
        APP.clientWithKey("limits");
        for (int size : new int[] {200_000, 3_000_000, 40_000_000}) {
            for (boolean announced : new boolean[] {true, false}) {
                for (String route : new String[] {"/api/v1/runs", "/api/v1/imports/companies?client=limits"}) {
                    String answer = sendWholeThenRead(route, size, announced);
                    assertThat(answer)
                            .as(route + ", " + size + " bytes, Content-Length " + announced)
                            .startsWith("HTTP/1.1 413");
                    assertThat(answer).contains("application/problem+json").contains("\"status\":413");
                }
            }
        }
    }

    private static String sendWholeThenRead(String route, int size, boolean announced) throws Exception {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'x');
        body[0] = '"';
        body[size - 1] = '"';
        try (Socket socket = new Socket("127.0.0.1", APP.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            String head = "POST " + route + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + ADMIN_KEY
                    + "\r\nContent-Type: application/json\r\n"
                    + (announced ? "Content-Length: " + size + "\r\n" : "Transfer-Encoding: chunked\r\n") + "\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            if (announced) {
                out.write(body);
            } else {
                for (int at = 0; at < size; at += 16_384) {
                    int n = Math.min(16_384, size - at);
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(body, at, n);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) != -1) {
                answer.write(buffer, 0, read);
                String text = answer.toString(StandardCharsets.UTF_8);
                if (text.contains("\r\n\r\n") && text.contains("}")) {
                    break;
                }
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
