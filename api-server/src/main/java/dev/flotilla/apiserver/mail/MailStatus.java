package dev.flotilla.apiserver.mail;

import java.util.Locale;

/** What became of an invitation's e-mail. */
public enum MailStatus {
  /** Not tried yet: the sending is under way (or was cut off by a crash). */
  PENDING,
  /** Keycloak accepted it and handed it to the SMTP server. */
  SENT,
  /** Keycloak could not send it (SMTP server down or refusing); the invitation stands. */
  FAILED,
  /** No mail server is configured ({@code flotilla.mail.host}): nothing was sent. */
  NOT_CONFIGURED,
  /** The user already existed with nothing left to do (no required actions): no e-mail needed. */
  NOT_NEEDED;

  /** The name in API answers, e.g. {@code not-configured}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
