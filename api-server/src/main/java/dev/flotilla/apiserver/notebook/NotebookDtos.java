package dev.flotilla.apiserver.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request and response bodies of {@code /api/v1/tenants/{t}/workspaces/{w}/notebooks}. */
public final class NotebookDtos {
  /** Most cells one notebook holds. */
  public static final int MAX_CELLS = 1000;

  private NotebookDtos() {}

  public record CreateNotebook(@NotBlank @Size(max = 200) String name) {}

  public record RenameNotebook(@NotBlank @Size(max = 200) String name) {}

  public record DuplicateNotebook(@NotBlank @Size(max = 200) String name) {}

  /**
   * One cell. {@code outputs} are kept as the client sent them (nbformat output objects);
   * {@code executionCount} is null for a cell never run and for markdown.
   */
  public record Cell(
      @NotBlank @Size(max = 64) String id,
      @NotNull @Pattern(regexp = "code|markdown", message = "must be code or markdown") String type,
      @NotNull String source,
      @Size(max = 100) List<JsonNode> outputs,
      @Min(0) Integer executionCount) {}

  /** A save: the version the client edited ({@code baseVersion}) and the whole new content. */
  public record SaveContent(@NotNull @Min(1) Integer baseVersion,
      @NotNull @Size(max = MAX_CELLS) List<@Valid @NotNull Cell> cells) {}

  /** Restoring an old version: it becomes a new version on top of {@code baseVersion}. */
  public record Restore(@NotNull @Min(1) Integer baseVersion) {}

  /** Import: a name and an nbformat 4 document. */
  public record ImportNotebook(@NotBlank @Size(max = 200) String name, @NotNull Map<String, Object> ipynb) {}

  public record Summary(UUID id, String name, int version, String createdBy, Instant createdAt, Instant updatedAt) {}

  public record Notebook(UUID id, String name, int version, List<Cell> cells, Instant createdAt, Instant updatedAt) {}

  public record Saved(UUID id, int version, Instant savedAt) {}

  public record Version(int version, String savedBy, Instant savedAt, int cellCount) {}
}
