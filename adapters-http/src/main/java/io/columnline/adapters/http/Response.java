package io.columnline.adapters.http;

/** A status and a body that is written as JSON ({@code null} means no body). */
public record Response(int status, Object body, String contentType) {
  public static Response ok(Object body) {
    return new Response(200, body, "application/json");
  }

  public static Response created(Object body) {
    return new Response(201, body, "application/json");
  }

  public static Response noContent() {
    return new Response(204, null, null);
  }

  public static Response of(int status, Object body) {
    return new Response(status, body, "application/json");
  }
}
