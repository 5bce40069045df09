package dev.selfreg.lab.fleet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.statistics.HistogramDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A fleet report's charts, drawn with JFreeChart as PNG files: the registrations the platform acknowledged per hour
 * of module time (a FOTA wave or the end of an outage shows as a spike), and a histogram of the awake time per
 * module (the battery cost's spread). Drawn headless: no display is needed.
 */
public final class FleetCharts {

    /** The registrations chart's file name. */
    public static final String REGISTRATIONS = "registrations-per-hour.png";
    /** The awake-time histogram's file name. */
    public static final String AWAKE = "awake-time-per-module.png";

    private static final int WIDTH = 900;
    private static final int HEIGHT = 500;
    private static final int BINS = 40;

    private FleetCharts() {
    }

    /** Writes both charts into {@code directory} (made when missing) and returns their paths. */
    public static List<Path> write(FleetReport report, Path directory) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Files.createDirectories(directory);
        XYSeriesCollection registrations = new XYSeriesCollection();
        report.registrationsPerHour().forEach((carrier, hours) -> {
            XYSeries series = new XYSeries(carrier);
            for (int hour = 0; hour < hours.length; hour++) {
                series.add(hour, hours[hour]);
            }
            registrations.addSeries(series);
        });
        JFreeChart perHour = ChartFactory.createXYLineChart("Registrations acknowledged per hour of module time",
                "hour of module time", "registrations", registrations, PlotOrientation.VERTICAL, true, false, false);
        HistogramDataset awake = new HistogramDataset();
        report.awakePerModule().forEach((carrier, seconds) -> {
            if (seconds.length > 0) {
                double least = Arrays.stream(seconds).min().getAsDouble();
                double most = Arrays.stream(seconds).max().getAsDouble();
                // equal values would make bins of no width: give them a second's
                awake.addSeries(carrier, seconds, BINS, least, most > least ? most : least + 1);
            }
        });
        JFreeChart histogram = ChartFactory.createHistogram("Awake time per module", "awake seconds of module time",
                "modules", awake, PlotOrientation.VERTICAL, true, false, false);
        Path registrationsFile = directory.resolve(REGISTRATIONS);
        Path awakeFile = directory.resolve(AWAKE);
        ChartUtils.saveChartAsPNG(registrationsFile.toFile(), perHour, WIDTH, HEIGHT);
        ChartUtils.saveChartAsPNG(awakeFile.toFile(), histogram, WIDTH, HEIGHT);
        return List.of(registrationsFile, awakeFile);
    }
}
