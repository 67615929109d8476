package io.columnline.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.columnline.application.port.out.JsonSchemaValidator;
import io.columnline.application.port.out.JsonSchemaValidator.SchemaProblem;
import io.columnline.domain.json.JsonDocument;
import org.junit.jupiter.api.Test;

/**
 * What a {@link JsonSchemaValidator} must do. Only a real JSON Schema library can pass it, so it runs
 * against the adapter that wraps one; service tests use a scripted stand-in.
 */
public abstract class JsonSchemaValidatorContract {
  protected abstract JsonSchemaValidator validator();

  static JsonDocument json(String text) {
    return new JsonDocument(text);
  }

  private static final JsonDocument SECTION = json("""
      {"$schema": "https://json-schema.org/draft/2020-12/schema",
       "type": "object",
       "required": ["summary", "employees"],
       "properties": {
         "summary": {"type": "string", "minLength": 1},
         "employees": {"type": "array", "items": {"$ref": "#/$defs/person"}}
       },
       "$defs": {"person": {"type": "object", "required": ["email"], "properties": {"email": {"type": "string"}}}}}
      """);

  @Test
  void a_draft_2020_12_schema_has_no_problems() {
    assertThat(validator().checkSchema(SECTION)).isEmpty();
    assertThat(validator().checkSchema(json("{\"type\":\"object\"}"))).isEmpty();
  }

  @Test
  void a_misspelt_type_is_a_problem_pointing_at_it() {
    var problems = validator().checkSchema(json("{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"strin\"}}}"));
    assertThat(problems).isNotEmpty();
    assertThat(problems).extracting(SchemaProblem::pointer).allMatch(p -> p.startsWith("/properties/name/type"));
  }

  @Test
  void keywords_of_the_wrong_shape_are_problems() {
    assertThat(validator().checkSchema(json("{\"type\":\"object\",\"required\":\"summary\"}")))
        .extracting(SchemaProblem::pointer).contains("/required");
    assertThat(validator().checkSchema(json("{\"minLength\":-1}"))).extracting(SchemaProblem::pointer).contains("/minLength");
  }

  @Test
  void a_schema_of_another_draft_is_a_problem() {
    assertThat(validator().checkSchema(json("{\"$schema\":\"http://json-schema.org/draft-07/schema#\",\"type\":\"object\"}")))
        .extracting(SchemaProblem::pointer).containsExactly("/$schema");
  }

  @Test
  void a_reference_that_cannot_be_resolved_locally_is_a_problem() {
    assertThat(validator().checkSchema(json("{\"$ref\":\"#/$defs/missing\"}"))).isNotEmpty();
    // never fetched: schemas must be self-contained
    assertThat(validator().checkSchema(json("{\"$ref\":\"http://127.0.0.1:9/schema.json\"}"))).isNotEmpty();
  }

  @Test
  void a_conforming_instance_has_no_problems() {
    assertThat(validator().validate(SECTION,
        json("{\"summary\":\"Acme makes anvils\",\"employees\":[{\"email\":\"a@acme.com\"}]}"))).isEmpty();
  }

  @Test
  void every_problem_of_an_instance_is_reported_with_a_json_pointer() {
    var problems = validator().validate(SECTION,
        json("{\"summary\":5,\"employees\":[{\"email\":\"a@acme.com\"},{\"name\":\"Bo\"},{\"email\":7}]}"));
    assertThat(problems).extracting(SchemaProblem::pointer)
        .containsExactlyInAnyOrder("/summary", "/employees/1/email", "/employees/2/email");
    assertThat(problems).allSatisfy(p -> assertThat(p.message()).isNotBlank());
  }

  @Test
  void a_missing_required_property_at_the_root_points_at_the_property() {
    assertThat(validator().validate(SECTION, json("{\"employees\":[]}")))
        .extracting(SchemaProblem::pointer).containsExactly("/summary");
  }
}
