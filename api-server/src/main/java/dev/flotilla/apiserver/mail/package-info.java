/**
 * Invitation e-mails. Keycloak sends them (its execute-actions e-mail: a link to set a password and
 * verify the address, valid {@code flotilla.mail.invitation-lifespan}, ending at the notebook UI's
 * login for the tenant) through the SMTP server of {@code flotilla.mail.*}, which the api-server
 * writes into the platform realm and every dedicated realm ({@code smtpServer}) at start and on
 * tenant creation.
 *
 * <ul>
 *   <li>{@link dev.flotilla.apiserver.mail.InvitationMail}: one sending and its
 *       {@link dev.flotilla.apiserver.mail.MailOutcome} (sent, failed, not configured, not needed);
 *       never fails for a refused e-mail, so the caller stores the outcome first.
 *   <li>{@code DedicatedRealmsMail}: at start, the dedicated realms of existing tenants get the
 *       current SMTP settings.
 * </ul>
 */
package dev.flotilla.apiserver.mail;
