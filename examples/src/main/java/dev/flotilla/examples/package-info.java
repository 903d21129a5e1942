/**
 * Runnable programs a user copies from. Each has a {@code main} that connects to the cluster named
 * by {@code FLOTILLA_ADDRESS} or {@code ~/.flotilla/address}; run one with {@code ./flotilla
 * example <Name>}.
 */
package dev.flotilla.examples;
