package org.nn4j.examples.fashion;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.nn4j.core.files.AtomicWrite;

/** A white canvas to draw a picture on with Java 2D, and its PNG writer. */
final class PngImages {

    /** The pictures' text font. */
    static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    /** The colour that marks a mistake. */
    static final Color MISTAKE = new Color(214, 39, 40);

    private PngImages() {
    }

    /** @return a white {@code width×height} RGB image */
    static BufferedImage canvas(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    /** @return a pen on the image with anti-aliased text in {@link #FONT} */
    static Graphics2D pen(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(FONT);
        g.setColor(Color.BLACK);
        return g;
    }

    /** Draws {@code text} centred on {@code x}, its baseline at {@code y}. */
    static void centred(Graphics2D g, String text, int x, int y) {
        g.drawString(text, x - g.getFontMetrics().stringWidth(text) / 2, y);
    }

    /**
     * Writes the image as a PNG through the project's one atomic writer: the file is replaced whole or not at all.
     *
     * @param image the picture
     * @param file the PNG to write; its directory must exist
     * @throws IOException if it cannot be written
     */
    static void write(BufferedImage image, Path file) throws IOException {
        AtomicWrite.bytes(file, stream -> {
            if (!ImageIO.write(image, "png", stream)) {
                throw new IOException("no PNG writer in this JVM for " + file);
            }
        });
    }
}
