package org.nn4j.examples.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converts an option's value to the path of a file that exists and can be read, so a missing file is a usage
 * error (one line, exit status 2) before any work starts:
 * <pre>
 *   &#64;Option(names = "--model", converter = ExistingFile.class) Path model;
 * </pre>
 */
public final class ExistingFile implements ITypeConverter<Path> {

    /** Created by picocli. */
    public ExistingFile() {
    }

    @Override
    public Path convert(String value) {
        Path path;
        try {
            path = Path.of(value);
        } catch (InvalidPathException e) {
            throw new TypeConversionException("not a valid path: " + value);
        }
        if (Files.isDirectory(path)) {
            throw new TypeConversionException(value + " is a directory, expected a file");
        }
        if (!Files.isRegularFile(path)) {
            throw new TypeConversionException("no such file: " + value);
        }
        if (!Files.isReadable(path)) {
            throw new TypeConversionException("cannot read " + value);
        }
        return path;
    }
}
