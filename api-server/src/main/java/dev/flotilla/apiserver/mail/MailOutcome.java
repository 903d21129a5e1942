package dev.flotilla.apiserver.mail;

/** One sending's result and a sentence for the admin saying what it means and what to do. */
public record MailOutcome(MailStatus status, String message) {}
