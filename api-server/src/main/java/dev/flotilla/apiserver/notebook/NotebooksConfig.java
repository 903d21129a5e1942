package dev.flotilla.apiserver.notebook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Notebook limits ({@code flotilla.notebooks.*}, env {@code FLOTILLA_NOTEBOOKS_*}). */
@ConfigMapping(prefix = "flotilla.notebooks")
public interface NotebooksConfig {
  /**
   * Largest notebook save or import body (cells with their outputs: plots, tables, printed
   * lines); 413 above. Other JSON bodies keep the smaller {@code flotilla.jobs.max-json-body-bytes}.
   */
  @WithDefault("8388608")
  long maxContentBytes();
}
