package dev.flotilla.apiserver.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flotilla.apiserver.error.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Converts between our cells and Jupyter's nbformat 4 JSON ({@code .ipynb}), so notebooks move
 * to and from Jupyter tools. Export marks the language Java ({@code metadata.kernelspec.language},
 * {@code metadata.language_info.name}). Import takes code and markdown cells (raw cells are
 * refused), sources as a string or a list of lines, and refuses a notebook of another language.
 * Pure and thread-safe.
 */
final class Ipynb {
  private final ObjectMapper json;

  Ipynb(ObjectMapper json) {
    this.json = json;
  }

  ObjectNode export(List<NotebookDtos.Cell> cells) {
    ObjectNode doc = json.createObjectNode();
    doc.put("nbformat", 4);
    doc.put("nbformat_minor", 5);
    ObjectNode metadata = doc.putObject("metadata");
    metadata.putObject("kernelspec").put("name", "flotilla-java").put("display_name", "Java (Flotilla)")
        .put("language", "java");
    metadata.putObject("language_info").put("name", "java");
    ArrayNode out = doc.putArray("cells");
    for (NotebookDtos.Cell c : cells) {
      ObjectNode cell = out.addObject();
      cell.put("id", c.id());
      cell.put("cell_type", c.type());
      cell.putObject("metadata");
      cell.put("source", c.source());
      if (c.type().equals("code")) {
        ArrayNode outputs = cell.putArray("outputs");
        if (c.outputs() != null) {
          outputs.addAll(c.outputs());
        }
        if (c.executionCount() == null) {
          cell.putNull("execution_count");
        } else {
          cell.put("execution_count", c.executionCount());
        }
      }
    }
    return doc;
  }

  /** @throws ApiException 422 naming the offending field ({@code ipynb.cells[3].cell_type}) */
  List<NotebookDtos.Cell> parse(JsonNode doc) {
    if (!doc.isObject() || doc.path("nbformat").asInt(-1) != 4) {
      throw ApiException.invalid("ipynb.nbformat", "must be 4");
    }
    String language = doc.path("metadata").path("kernelspec").path("language").asText("java");
    if (!language.equalsIgnoreCase("java")) {
      throw ApiException.invalid("ipynb.metadata.kernelspec.language", "must be java, not " + language);
    }
    JsonNode cells = doc.path("cells");
    if (!cells.isArray()) {
      throw ApiException.invalid("ipynb.cells", "must be an array");
    }
    if (cells.size() > NotebookDtos.MAX_CELLS) {
      throw ApiException.invalid("ipynb.cells", "at most " + NotebookDtos.MAX_CELLS + " cells");
    }
    List<NotebookDtos.Cell> parsed = new ArrayList<>();
    for (int i = 0; i < cells.size(); i++) {
      parsed.add(cell(cells.get(i), "ipynb.cells[" + i + "]"));
    }
    return parsed;
  }

  private static NotebookDtos.Cell cell(JsonNode c, String field) {
    String type = c.path("cell_type").asText("");
    if (!type.equals("code") && !type.equals("markdown")) {
      throw ApiException.invalid(field + ".cell_type", "must be code or markdown");
    }
    String id = c.path("id").isTextual() && !c.path("id").asText().isBlank() && c.path("id").asText().length() <= 64
        ? c.path("id").asText() : UUID.randomUUID().toString();
    List<JsonNode> outputs = new ArrayList<>();
    c.path("outputs").forEach(outputs::add);
    JsonNode count = c.path("execution_count");
    Integer executionCount = type.equals("code") && count.isInt() && count.asInt() >= 0 ? count.asInt() : null;
    return new NotebookDtos.Cell(id, type, source(c.path("source"), field + ".source"),
        type.equals("code") ? outputs : List.of(), executionCount);
  }

  private static String source(JsonNode source, String field) {
    if (source.isTextual()) {
      return source.asText();
    }
    if (source.isArray()) {
      StringBuilder joined = new StringBuilder();
      for (JsonNode line : source) {
        if (!line.isTextual()) {
          throw ApiException.invalid(field, "must be a string or a list of strings");
        }
        joined.append(line.asText());
      }
      return joined.toString();
    }
    throw ApiException.invalid(field, "must be a string or a list of strings");
  }
}
