package org.clv4j.cli.csv;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file all at once or not at all: the content goes to a hidden temporary file in the target's directory,
 * which is renamed onto the target (atomically where the file system can) only when writing succeeded. On failure
 * the temporary file is deleted and an existing target is left untouched, so a crash or bad input never leaves a
 * half-written file.
 *
 * <pre>{@code
 * AtomicOutput.write(Path.of("summary.csv"), writer -> writer.write("customer_id,frequency\r\n"));
 * }</pre>
 */
public final class AtomicOutput {

    /** Writes content; may fail with an exception, which aborts the file. */
    @FunctionalInterface
    public interface Body {
        /**
         * Writes the content.
         *
         * @param writer a UTF-8 writer onto the temporary file; do not close it
         * @throws IOException if writing fails
         */
        void writeTo(Writer writer) throws IOException;
    }

    private AtomicOutput() {
    }

    /**
     * Writes {@code target} atomically.
     *
     * @param target the file to create or replace
     * @param body what to write
     * @throws IOException if the directory does not exist or writing fails; the target is then unchanged
     */
    public static void write(Path target, Body body) throws IOException {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(body, "body");
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            throw new NoSuchFileException(String.valueOf(directory), null, "the output directory does not exist");
        }
        Path temporary = createTemporary(directory, absolute.getFileName().toString());
        boolean moved = false;
        try {
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                body.writeTo(writer);
            }
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    /** Creates an empty hidden file next to the target, with the default permissions of new files. */
    private static Path createTemporary(Path directory, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path candidate = directory.resolve("." + name + "." + Long.toHexString(ThreadLocalRandom.current()
                    .nextLong() & Long.MAX_VALUE) + ".tmp");
            try {
                return Files.createFile(candidate);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 10) {
                    throw e;
                }
            }
        }
    }
}
