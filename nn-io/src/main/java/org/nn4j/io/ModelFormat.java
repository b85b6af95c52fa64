package org.nn4j.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.nn4j.core.files.AtomicWrite;
import org.nn4j.core.model.Sequential;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.json.JsonFactory;

/**
 * Saves a {@link Sequential} as one readable JSON file and loads it back: the nn4j model format (documented in
 * {@code docs/model-format.md}, its JSON Schema published as the resource {@link #SCHEMA_RESOURCE}). Saving always
 * writes version {@value #VERSION}; loading reads every version from {@value #FIRST_VERSION} to {@value #VERSION}.
 *
 * <pre>
 *   ModelFormat format = ModelFormat.standard();
 *   format.save(model, Path.of("xor.json"));                 // crash-safe: temporary file, fsync, atomic rename
 *   Sequential again = format.load(Path.of("xor.json"));     // strict: any flaw is a ModelFormatException
 * </pre>
 *
 * <p><b>Saving</b> writes the architecture (with the input's shape), every parameter and every layer's
 * non-trainable state, the loss, the optimizer and its state, with a fixed
 * key order and one matrix row per line, so two saves of the same model are byte-identical and doubles read back
 * to the same bits. {@link #saveCheckpoint} adds the optional training section (epochs completed, generator state).
 * Saving refuses a model with a part that is not registered or a number that is not finite
 * ({@link IllegalArgumentException}), before anything is written.
 *
 * <p><b>Loading</b> creates only what the {@link TypeRegistry} holds, never a class named by the file. Unknown or
 * duplicate keys, missing values, wrong shapes, numbers that are not finite, trailing content and anything past
 * the {@link ModelLimits} are a {@link ModelFormatException} naming the place in the file. A loaded model's
 * generator is a {@code NumpyRandom} seeded with 0, or the saved one when the file has a training section.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class ModelFormat {

    /** The value of the {@code "format"} key. */
    public static final String FORMAT_NAME = "nn4j-model";
    /** The version this class writes, and the newest it reads. */
    public static final int VERSION = 2;
    /** The oldest version this class reads. */
    public static final int FIRST_VERSION = 1;
    /** The classpath resource holding the JSON Schema of the version this class writes ({@value #VERSION}). */
    public static final String SCHEMA_RESOURCE = "/org/nn4j/io/nn4j-model-v2.schema.json";
    /** The classpath resource holding the JSON Schema of version 1, which this class still reads. */
    public static final String SCHEMA_RESOURCE_V1 = "/org/nn4j/io/nn4j-model-v1.schema.json";
    /** The value of {@code "training.random.algorithm"}: numpy's legacy Mersenne Twister. */
    static final String RANDOM_ALGORITHM = "mt19937";

    private final TypeRegistry registry;
    private final ModelLimits limits;
    private final JsonFactory json;

    /** The versions read, for messages: {@code "1 and 2"} (or {@code "1 or 2"}). */
    static String versionsRead(String conjunction) {
        StringBuilder sb = new StringBuilder();
        for (int v = FIRST_VERSION; v <= VERSION; v++) {
            sb.append(v == FIRST_VERSION ? "" : v == VERSION ? " " + conjunction + " " : ", ").append(v);
        }
        return sb.toString();
    }

    private ModelFormat(TypeRegistry registry, ModelLimits limits) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.json = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxDocumentLength(limits.maxDocumentLength())
                        .maxNestingDepth(limits.maxNestingDepth())
                        .maxNumberLength(limits.maxNumberLength())
                        .maxStringLength(limits.maxStringLength())
                        .maxNameLength(limits.maxNameLength())
                        .build())
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
    }

    /** @return the format with the built-in types and the default limits */
    public static ModelFormat standard() {
        return new ModelFormat(TypeRegistry.builtIns(), ModelLimits.defaults());
    }

    /**
     * @param registry the types files may use, such as the built-ins plus your own
     * @return the format with these types and the default limits
     */
    public static ModelFormat of(TypeRegistry registry) {
        return new ModelFormat(registry, ModelLimits.defaults());
    }

    /**
     * @param newLimits the limits for loading
     * @return a format with the same types and these limits
     */
    public ModelFormat withLimits(ModelLimits newLimits) {
        return new ModelFormat(registry, newLimits);
    }

    /** @return the types this format can save and load */
    public TypeRegistry registry() {
        return registry;
    }

    /** @return the limits loading enforces */
    public ModelLimits limits() {
        return limits;
    }

    /**
     * Saves a model crash-safely: the old file stays intact until the new one is complete on disk.
     *
     * @param model the model
     * @param file the file to create or replace
     * @throws IOException if writing fails (the old file is then untouched and no temporary file is left)
     * @throws IllegalArgumentException if a part of the model is not registered or a number is not finite
     */
    public void save(Sequential model, Path file) throws IOException {
        save(model, null, file, UnaryOperator.identity());
    }

    /**
     * Saves a model with the training section, so that training can resume exactly.
     *
     * @param model the model
     * @param training the epochs completed and the generator state, such as {@code TrainingState.of(model, 500)}
     * @param file the file to create or replace
     * @throws IOException if writing fails (the old file is then untouched)
     */
    public void saveCheckpoint(Sequential model, TrainingState training, Path file) throws IOException {
        save(model, Objects.requireNonNull(training, "training"), file, UnaryOperator.identity());
    }

    /** The save path with a hook on the raw stream, for the crash-safety tests. */
    void save(Sequential model, TrainingState training, Path file, UnaryOperator<OutputStream> wrap)
            throws IOException {
        ModelWriter.check(registry, model);
        AtomicWrite.text(file, out -> new ModelWriter(registry, out).write(model, training), wrap);
    }

    /**
     * Writes a model to a writer (not closed; flushed).
     *
     * @param model the model
     * @param out where to write
     * @throws IOException if writing fails
     */
    public void save(Sequential model, Writer out) throws IOException {
        new ModelWriter(registry, out).write(model, null);
        out.flush();
    }

    /**
     * Writes a model and its training section to a writer (not closed; flushed).
     *
     * @param model the model
     * @param training the epochs completed and the generator state
     * @param out where to write
     * @throws IOException if writing fails
     */
    public void saveCheckpoint(Sequential model, TrainingState training, Writer out) throws IOException {
        new ModelWriter(registry, out).write(model, Objects.requireNonNull(training, "training"));
        out.flush();
    }

    /**
     * @param model the model
     * @return the document {@link #save(Sequential, Writer)} writes
     */
    public String toJson(Sequential model) {
        StringWriter out = new StringWriter();
        try {
            save(model, out);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return out.toString();
    }

    /**
     * @param file a model file (UTF-8 JSON; UTF-16 and UTF-32 are recognised and decoded, a byte-order mark is
     *     skipped)
     * @return the model, with its optimizer state restored
     * @throws ModelFormatException if the file is not a valid model
     * @throws IOException if the file cannot be read
     */
    public Sequential load(Path file) throws IOException {
        return loadCheckpoint(file).model();
    }

    /**
     * @param in a model document; read to its end, not closed
     * @return the model, with its optimizer state restored
     * @throws ModelFormatException if the document is not a valid model
     * @throws IOException if reading fails
     */
    public Sequential load(Reader in) throws IOException {
        return loadCheckpoint(in).model();
    }

    /**
     * @param file a model file, with or without a training section
     * @return the model and the training section if there is one
     * @throws ModelFormatException if the file is not a valid model
     * @throws IOException if the file cannot be read
     */
    public Checkpoint loadCheckpoint(Path file) throws IOException {
        return loadCheckpoint(ModelText.open(file));
    }

    /** Reads the bytes of a document as a file's are read (the fuzz test's way in); closes the stream. */
    Checkpoint loadCheckpoint(InputStream bytes) throws IOException {
        return loadCheckpoint(ModelText.open(bytes));
    }

    private Checkpoint loadCheckpoint(ModelText.Opened text) throws IOException {
        try (Reader in = text.reader()) {
            return read(in, text.encoding());
        }
    }

    /**
     * @param in a model document, with or without a training section; not closed
     * @return the model and the training section if there is one
     * @throws ModelFormatException if the document is not a valid model
     * @throws IOException if reading fails
     */
    public Checkpoint loadCheckpoint(Reader in) throws IOException {
        return read(ModelText.withoutBom(in), null);
    }

    /**
     * Reads a document; every failure of the parser, from its creation on, is an {@link IOException} here.
     *
     * @param encoding the file's encoding, for messages about bytes that are not text; null for a reader
     */
    private Checkpoint read(Reader in, String encoding) throws IOException {
        JsonParser parser;
        try {
            parser = json.createParser(ObjectReadContext.empty(), in);
        } catch (JacksonIOException e) {
            throw e.getCause() != null ? e.getCause() : new IOException(e.getMessage(), e);
        } catch (JacksonException e) {
            throw new ModelFormatException("$", -1, -1, "malformed JSON: " + ParserMessages.plain(
                    e.getOriginalMessage()));
        }
        try (parser) {
            JsonCursor cursor = new JsonCursor(parser, limits, encoding);
            ModelReader reader = new ModelReader(cursor);
            RawModel raw = reader.read();
            return new ModelAssembler(registry, limits, reader.elementsRead()).assemble(raw);
        } catch (JacksonIOException e) {
            throw e.getCause() != null ? e.getCause() : new IOException(e.getMessage(), e);
        } catch (JacksonException e) {
            // The cursor translates every parser call; this is the net under it (closing, for example).
            throw new ModelFormatException("$", -1, -1, "malformed JSON: " + ParserMessages.plain(
                    e.getOriginalMessage()));
        }
    }
}
