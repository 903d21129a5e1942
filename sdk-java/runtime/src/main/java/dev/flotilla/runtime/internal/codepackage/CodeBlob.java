package dev.flotilla.runtime.internal.codepackage;

import java.nio.file.Path;

/**
 * One content-addressed piece of a code package: a jar (as is, or built from a class-path
 * directory), named by the SHA-256 of its bytes.
 *
 * @param source the class-path entry it came from
 * @param file a jar file holding exactly the hashed bytes
 */
public record CodeBlob(String hash, Path source, Path file, long size) {}
