package io.columnline.app.tracking;

import static io.columnline.app.TestApp.ADMIN_KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.columnline.app.TestApp;
import io.columnline.app.TestApp.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The example V2 main pipeline as the tests play it: the definition pushed with a prompt per step
 * and its five sections, what a model writes for each step, and that text wrapped in each LLM
 * provider's real-shaped answer in turn.
 */
public final class V2Scenario {
    public static final ObjectMapper JSON = new ObjectMapper();
    public static final Path MAIN = Path.of("..", "examples", "pipelines", "columnline-v2", "columnline-v2.main.json");
    /** The two people 6_ENRICH_CONTACTS finds; the per-contact steps run once for each. */
    public static final List<String> PEOPLE = List.of("jane@acmebuild.com", "omar@acmebuild.com");

    private V2Scenario() {}

    /** Pushes the main pipeline, a prompt for each of its steps and the five sections; answers the definition. */
    public static JsonNode pushed(TestApp app) {
        JsonNode definition;
        try {
            definition = JSON.readTree(Files.readString(MAIN));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Reply pipeline = app.put("/api/v1/pipelines/columnline-v2.main", ADMIN_KEY, definition.toString());
        assertThat(pipeline.status()).as(pipeline.body()).isIn(200, 201);
        Set<String> prompts = new LinkedHashSet<>();
        definition.get("steps").forEach(s -> prompts.add(s.get("prompt_key").asText()));
        for (String prompt : prompts) {
            Reply saved = app.put(
                    "/api/v1/prompts/" + prompt,
                    ADMIN_KEY,
                    "{\"template\": \"" + prompt + " for {{dossier_id}} on {{current_date}}\"}");
            assertThat(saved.status()).as(saved.body()).isIn(200, 201);
        }
        for (String section : List.of("find_lead", "enrich_lead", "insight", "copy", "media")) {
            Reply saved = app.put("/api/v1/section-definitions/" + section, ADMIN_KEY, """
                {"title": "%s", "position": 1, "writer_prompt_key": "v2.11_dossier_composer", "required": false,
                 "schema": {"type": "object"}}""".formatted(section));
            assertThat(saved.status()).as(saved.body()).isIn(200, 201);
        }
        return definition;
    }

    /** The definition's step keys, lower case, in the order it lists them (an order that satisfies every input). */
    public static List<String> steps(JsonNode definition) {
        List<String> steps = new ArrayList<>();
        definition.get("steps").forEach(s -> steps.add(s.get("key").asText().toLowerCase()));
        return steps;
    }

    /** The steps run once per contact. */
    public static boolean perContact(String step) {
        return step.equals("6_enrich_contact_individual") || step.startsWith("10a_") || step.startsWith("10b_");
    }

    /** The text a model writes for each step (as JSON), before it is wrapped in a provider's answer. */
    public static String written(String step, String instance) {
        return switch (step) {
            case "2_signal_discovery" -> """
                {"lead": {"company_name": "Acme Build", "domain": "acmebuild.com"}, "signals": ["new plant"]}""";
            case "6_enrich_contacts" -> """
                {"contacts": [
                  {"full_name": "Jane Doe", "title": "COO", "email": "jane@acmebuild.com"},
                  {"full_name": "Omar Haddad", "title": "CFO", "email": "omar@acmebuild.com"},
                  {"full_name": "Northwind Partners LLC", "email": "info@northwind.com"},
                  {"full_name": "Cher"}]}""";
            case "8_media" -> "{\"media_data\": [{\"url\": \"https://acmebuild.com/plant.jpg\"}]}";
            case "5a_enrich_lead" -> "{\"employees\": 1200, \"lead_score\": 81}";
            case "11_dossier_composer" -> """
                {"find_lead": {"headline": "Acme Build opens a plant"}, "insight": {"angle": "capacity"},
                 "copy": {"subject": "Your new plant"}}""";
            default -> "{\"step\": \"" + step + "\", \"instance\": \"" + instance + "\"}";
        };
    }

    /** Four providers' answers, in turn: OpenAI Responses, Chat Completions, Anthropic Messages, Gemini. */
    public static String answer(int turn, String text) {
        String quoted;
        try {
            quoted = JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return switch (turn % 4) {
            case 0 -> """
                {"id": "resp_1", "object": "response", "created_at": 1768350000, "completed_at": 1768350012,
                 "status": "completed", "model": "gpt-4.1-2025-04-14",
                 "output": [{"type": "reasoning", "summary": []},
                            {"type": "message", "role": "assistant", "status": "completed",
                             "content": [{"type": "output_text", "annotations": [], "text": %s}]}],
                 "usage": {"input_tokens": 1200, "input_tokens_details": {"cached_tokens": 0},
                           "output_tokens": 300, "output_tokens_details": {"reasoning_tokens": 64},
                           "total_tokens": 1500}}""".formatted(quoted);
            case 1 -> """
                {"id": "chatcmpl-1", "object": "chat.completion", "created": 1768350000, "model": "gpt-4o-mini",
                 "choices": [{"index": 0, "message": {"role": "assistant", "content": %s}, "finish_reason": "stop"}],
                 "usage": {"prompt_tokens": 900, "completion_tokens": 200, "total_tokens": 1100}}""".formatted(quoted);
            case 2 -> """
                {"id": "msg_1", "type": "message", "role": "assistant", "model": "claude-sonnet-4-20250514",
                 "content": [{"type": "text", "text": %s}], "stop_reason": "end_turn",
                 "usage": {"input_tokens": 1000, "output_tokens": 250}}""".formatted(quoted);
            default -> """
                {"candidates": [{"content": {"role": "model", "parts": [{"text": %s}]}, "finishReason": "STOP"}],
                 "usageMetadata": {"promptTokenCount": 800, "candidatesTokenCount": 150, "totalTokenCount": 950},
                 "modelVersion": "gemini-2.5-flash"}""".formatted(quoted);
        };
    }
}
