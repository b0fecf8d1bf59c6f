package dev.catalog.render.marketplace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class SchemaTableTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static java.util.List<SchemaRow> rows(String schema) throws Exception {
    return SchemaTable.rows(JSON.readTree(schema));
  }

  @Test
  void aFlatPropertyShowsTypeDefaultConstraintsDescriptionAndWhetherItIsRequired()
      throws Exception {
    assertThat(
            rows(
                """
                {"type": "object", "required": ["storage_gb"], "properties": {
                  "storage_gb": {"type": "integer", "minimum": 1, "maximum": 100, "default": 10,
                                 "description": "Disk size in GB"},
                  "name": {"type": "string", "maxLength": 63, "pattern": "^[a-z]+$",
                           "title": "Database name"}}}
                """))
        .containsExactly(
            new SchemaRow(
                "storage_gb", "integer", "10", ">= 1; <= 100", "Disk size in GB", true, 0),
            new SchemaRow(
                "name", "string", "", "length <= 63; pattern ^[a-z]+$", "Database name", false, 0));
  }

  @Test
  void nestedObjectsAreRowsWithDottedNamesBelowTheirParent() throws Exception {
    assertThat(
            rows(
                """
                {"type": "object", "properties": {
                  "backup": {"type": "object", "required": ["window"],
                    "additionalProperties": false, "properties": {
                      "window": {"type": "string", "format": "time"},
                      "retention": {"type": "object", "properties": {
                        "days": {"type": "integer", "exclusiveMinimum": 0}}}}},
                  "tags": {"type": "array", "items": {"type": "string"}, "maxItems": 5}}}
                """))
        .containsExactly(
            new SchemaRow("backup", "object", "", "no other properties", "", false, 0),
            new SchemaRow("backup.window", "string", "", "format time", "", true, 1),
            new SchemaRow("backup.retention", "object", "", "", "", false, 1),
            new SchemaRow("backup.retention.days", "integer", "", "> 0", "", false, 2),
            new SchemaRow("tags", "array of string", "", "items <= 5", "", false, 0));
  }

  @Test
  void enumsAndConstsListTheAllowedValues() throws Exception {
    assertThat(
            rows(
                """
                {"properties": {
                  "tier": {"type": "string", "enum": ["basic", "premium"], "default": "basic"},
                  "version": {"type": ["string", "null"], "const": "16"}}}
                """))
        .containsExactly(
            new SchemaRow(
                "tier", "string", "\"basic\"", "one of \"basic\", \"premium\"", "", false, 0),
            new SchemaRow("version", "string | null", "", "exactly \"16\"", "", false, 0));
  }

  @Test
  void eachOneOfAlternativeIsARowOfItsOwnWithItsPropertiesBelowIt() throws Exception {
    assertThat(
            rows(
                """
                {"properties": {
                  "size": {"description": "A preset or explicit resources", "oneOf": [
                    {"type": "string", "enum": ["s", "m"], "title": "Preset"},
                    {"type": "object", "title": "Explicit", "required": ["cpu"],
                     "properties": {"cpu": {"type": "integer", "minimum": 1}}}]}}}
                """))
        .containsExactly(
            new SchemaRow(
                "size",
                "one of the options below",
                "",
                "",
                "A preset or explicit resources",
                false,
                0),
            new SchemaRow(
                "size (option 1)", "string", "", "one of \"s\", \"m\"", "Preset", false, 1),
            new SchemaRow("size (option 2)", "object", "", "", "Explicit", false, 1),
            new SchemaRow("size (option 2).cpu", "integer", "", ">= 1", "", true, 2));
  }

  @Test
  void aSchemaWithoutPropertiesHasNoRows() throws Exception {
    assertThat(rows("{\"type\": \"object\"}")).isEmpty();
  }
}
