package org.dudao.report.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * docx → PDF with LibreOffice headless ({@code soffice --headless --convert-to pdf}), where it is installed
 * (Debian: {@code libreoffice-writer-nogui}). One conversion at a time per node (a fair lock: soffice is
 * memory-hungry and two instances on one profile clash), each in a directory of its own with its own user
 * profile ({@code -env:UserInstallation}, copied from the first conversion's profile so that later ones
 * skip the first-start set-up), a fontconfig file that maps the official fonts to what is installed
 * (仿宋_GB2312 → 仿宋, FangSong, Noto Serif CJK SC, ...), and a time limit after which the process and its
 * children are killed. The directory is deleted afterwards.
 */
@Component
public class LibreOffice {

    private static final Logger log = LoggerFactory.getLogger(LibreOffice.class);

    private static final List<String> KNOWN = List.of(
            "/usr/bin/soffice",
            "/usr/lib/libreoffice/program/soffice",
            "/opt/libreoffice/program/soffice",
            "/usr/local/bin/soffice",
            "/Applications/LibreOffice.app/Contents/MacOS/soffice");

    private final Optional<Path> binary;
    private final Duration timeout;
    private final ReentrantLock lock = new ReentrantLock(true);
    private volatile Path profileTemplate;

    LibreOffice(
            @Value("${dudao.report.soffice:}") String configured,
            @Value("${dudao.report.soffice-timeout:120s}") Duration timeout) {
        this.binary = locate(configured);
        this.timeout = timeout;
        binary.ifPresentOrElse(
                b -> log.info("PDF documents through LibreOffice: {}", b),
                () -> log.info("LibreOffice not found: PDF documents through OpenPDF"));
    }

    /** Thrown when a conversion fails or takes too long. */
    public static class ConversionFailed extends RuntimeException {
        ConversionFailed(String message) {
            super(message);
        }
    }

    public boolean available() {
        return binary.isPresent();
    }

    public Optional<Path> binary() {
        return binary;
    }

    /**
     * The configured path ("none" switches LibreOffice off), else a usual install location, else
     * {@code soffice} or {@code libreoffice} on the PATH.
     */
    static Optional<Path> locate(String configured) {
        if (configured != null && !configured.isBlank()) {
            if ("none".equalsIgnoreCase(configured.strip())) {
                return Optional.empty();
            }
            Path p = Path.of(configured.strip());
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        for (String k : KNOWN) {
            Path p = Path.of(k);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                for (String name : List.of("soffice", "libreoffice")) {
                    Path p = Path.of(dir, name);
                    if (Files.isExecutable(p)) {
                        return Optional.of(p);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Converts a .docx to PDF; waits for the conversion before it, at most the time limit. */
    public byte[] convert(byte[] docx) {
        Path soffice = binary.orElseThrow(() -> new ConversionFailed("LibreOffice is not installed"));
        boolean locked;
        try {
            locked = lock.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConversionFailed("interrupted while waiting for LibreOffice");
        }
        if (!locked) {
            throw new ConversionFailed("LibreOffice busy for more than " + timeout.toSeconds() + " s");
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("dudao-soffice-");
            Path profile = dir.resolve("profile");
            Path template = profileTemplate;
            if (template != null) {
                copyTree(template, profile);
            }
            Path input = dir.resolve("document.docx");
            Files.write(input, docx);
            Path fontsConf = dir.resolve("fonts.conf");
            Files.writeString(fontsConf, fontconfig(), StandardCharsets.UTF_8);
            Path logFile = dir.resolve("soffice.log");
            List<String> cmd = new ArrayList<>(List.of(
                    soffice.toString(),
                    "-env:UserInstallation=" + profile.toUri(),
                    "--headless",
                    "--invisible",
                    "--nodefault",
                    "--nofirststartwizard",
                    "--nolockcheck",
                    "--nologo",
                    "--norestore",
                    "--convert-to",
                    "pdf:writer_pdf_Export",
                    "--outdir",
                    dir.toString(),
                    input.toString()));
            ProcessBuilder pb = new ProcessBuilder(cmd)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile());
            Map<String, String> env = pb.environment();
            env.put("FONTCONFIG_FILE", fontsConf.toString());
            env.put("HOME", dir.toString());
            long started = System.nanoTime();
            Process p = pb.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(p);
                throw new ConversionFailed("LibreOffice did not finish within " + timeout.toSeconds() + " s");
            }
            Path pdf = dir.resolve("document.pdf");
            if (p.exitValue() != 0 || !Files.isRegularFile(pdf) || Files.size(pdf) == 0) {
                throw new ConversionFailed("LibreOffice failed (exit " + p.exitValue() + "): " + tail(logFile));
            }
            byte[] bytes = Files.readAllBytes(pdf);
            log.debug("docx → PDF by LibreOffice in {} ms", (System.nanoTime() - started) / 1_000_000);
            if (profileTemplate == null && Files.isDirectory(profile)) {
                keepProfile(profile);
            }
            return bytes;
        } catch (IOException e) {
            throw new ConversionFailed("LibreOffice conversion: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConversionFailed("interrupted during the conversion");
        } finally {
            lock.unlock();
            if (dir != null) {
                deleteTree(dir);
            }
        }
    }

    /**
     * fontconfig's configuration for the soffice process: the system's, plus the official fonts as aliases of
     * what may be installed, in the order of {@link Gb9704#FALLBACKS} (an installed 仿宋_GB2312 still wins).
     */
    static String fontconfig() {
        StringBuilder s = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n"
                + "<fontconfig>\n  <include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include>\n");
        for (Map.Entry<String, List<String>> e : Gb9704.FALLBACKS.entrySet()) {
            s.append("  <alias binding=\"same\"><family>").append(e.getKey()).append("</family><accept>");
            for (String f : e.getValue()) {
                s.append("<family>").append(f).append("</family>");
            }
            s.append("</accept></alias>\n");
        }
        s.append("  <alias binding=\"same\"><family>Times New Roman</family><accept><family>Liberation Serif</family>"
                + "<family>DejaVu Serif</family><family>Noto Serif CJK SC</family></accept></alias>\n");
        return s.append("</fontconfig>\n").toString();
    }

    private synchronized void keepProfile(Path used) {
        if (profileTemplate != null) {
            return;
        }
        try {
            Path template = Files.createTempDirectory("dudao-soffice-profile-");
            copyTree(used, template);
            profileTemplate = template;
        } catch (IOException | UncheckedIOException e) {
            log.debug("LibreOffice profile not kept: {}", e.toString());
        }
    }

    /** Deletes the kept profile when the application stops. */
    @jakarta.annotation.PreDestroy
    void close() {
        Path template = profileTemplate;
        if (template != null) {
            profileTemplate = null;
            deleteTree(template);
        }
    }

    private static void kill(Process p) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        try {
            p.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String tail(Path logFile) {
        try {
            String s = Files.readString(logFile, StandardCharsets.UTF_8).strip();
            return s.length() > 500 ? s.substring(s.length() - 500) : s;
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else if (Files.isRegularFile(f)) {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            log.debug("could not delete {}: {}", dir, e.toString());
        }
    }
}
