package org.clv4j.cli.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicOutputTest {

    @TempDir
    Path dir;

    List<String> listing() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void replacesTheTargetOnSuccess() throws IOException {
        Path target = Files.writeString(dir.resolve("out.csv"), "old");
        AtomicOutput.write(target, w -> w.write("new"));
        assertEquals("new", Files.readString(target));
        assertEquals(List.of("out.csv"), listing());
    }

    @Test
    void leavesTheTargetUntouchedOnFailure() throws IOException {
        Path target = Files.writeString(dir.resolve("out.csv"), "old");
        assertThrows(IllegalStateException.class, () -> AtomicOutput.write(target, w -> {
            w.write("half of it");
            throw new IllegalStateException("boom");
        }));
        assertEquals("old", Files.readString(target));
        assertEquals(List.of("out.csv"), listing());

        Path fresh = dir.resolve("fresh.csv");
        assertThrows(IOException.class, () -> AtomicOutput.write(fresh, w -> {
            throw new IOException("disk full");
        }));
        assertFalse(Files.exists(fresh));
        assertEquals(List.of("out.csv"), listing());
    }
}
