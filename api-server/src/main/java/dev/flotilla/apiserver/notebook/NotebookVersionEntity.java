package dev.flotilla.apiserver.notebook;

import dev.flotilla.apiserver.persistence.ScopedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One saved content of a notebook; kept until the notebook is deleted. */
@Entity
@Table(name = "notebook_version")
public class NotebookVersionEntity extends ScopedEntity {
  @Column(name = "notebook_id")
  public UUID notebookId;

  public int version;

  public String cells;

  @Column(name = "saved_by")
  public String savedBy;

  @Column(name = "saved_at")
  public Instant savedAt;
}
