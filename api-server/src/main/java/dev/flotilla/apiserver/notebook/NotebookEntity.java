package dev.flotilla.apiserver.notebook;

import dev.flotilla.apiserver.persistence.ScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A notebook of a workspace: its name, its current content (cells as JSON) and that content's version. */
@Entity
@Table(name = "notebook")
public class NotebookEntity extends ScopedEntity {
  public String name;

  /** The version number of {@link #cells}; the next save must name it as its base. */
  public int version;

  /** The cells as a JSON array (see {@link NotebookDtos.Cell}). */
  public String cells;

  @Column(name = "created_by")
  public String createdBy;

  @Column(name = "created_at")
  public Instant createdAt;

  @Column(name = "updated_at")
  public Instant updatedAt;
}
