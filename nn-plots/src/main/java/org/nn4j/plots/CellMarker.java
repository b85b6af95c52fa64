package org.nn4j.plots;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.knowm.xchart.style.markers.Marker;

/**
 * A marker that fills one cell of a regular grid, so that a scatter series of grid centres tiles the plot like an
 * image. XChart gives a marker only its centre in pixels, so the cell's size is learnt from a first rendering: the
 * centres of the outermost cells and the number of cells per axis give the spacing.
 */
final class CellMarker extends Marker {

    private final int cellsPerAxis;
    private double minX = Double.POSITIVE_INFINITY;
    private double maxX = Double.NEGATIVE_INFINITY;
    private double minY = Double.POSITIVE_INFINITY;
    private double maxY = Double.NEGATIVE_INFINITY;
    private double width;
    private double height;

    /**
     * @param cellsPerAxis cells along each axis, at least 2
     * @param guess the cell size in pixels to use before the first rendering has measured it
     */
    CellMarker(int cellsPerAxis, double guess) {
        this.cellsPerAxis = cellsPerAxis;
        this.width = guess;
        this.height = guess;
    }

    @Override
    public void paint(Graphics2D g, double xOffset, double yOffset, int markerSize) {
        minX = Math.min(minX, xOffset);
        maxX = Math.max(maxX, xOffset);
        minY = Math.min(minY, yOffset);
        maxY = Math.max(maxY, yOffset);
        // One pixel of overlap hides the seams that anti-aliasing would draw between neighbouring cells.
        g.fill(new Rectangle2D.Double(xOffset - width / 2, yOffset - height / 2, width + 1, height + 1));
    }

    /** Sets the cell size from the centres painted so far (call after a first rendering). */
    void measure() {
        if (maxX > minX && maxY > minY) {
            width = (maxX - minX) / (cellsPerAxis - 1);
            height = (maxY - minY) / (cellsPerAxis - 1);
        }
    }
}
