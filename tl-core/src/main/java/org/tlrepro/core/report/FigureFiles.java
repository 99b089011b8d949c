package org.tlrepro.core.report;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.fop.configuration.ConfigurationException;
import org.apache.fop.svg.PDFTranscoder;
import org.tlrepro.core.TlException;
import org.tlrepro.core.io.AtomicFiles;

/**
 * Writes each report figure as a standalone SVG file and as a PDF (Apache FOP's SVG transcoder, vector, its text in
 * the standard Helvetica), so that a paper can {@code \includegraphics} them; each file whole or not at all.
 */
public final class FigureFiles {

    /** The figures' folder inside the report folder. */
    public static final String FOLDER = "figures";

    private FigureFiles() {
    }

    /** @return the files written, SVG and PDF of each figure in turn */
    public static List<Path> write(Path reportDir, List<ReportModel.Figure> figures) {
        Path dir = reportDir.resolve(FOLDER);
        List<Path> written = new ArrayList<>();
        for (ReportModel.Figure f : figures) {
            String svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + f.svg().text() + "\n";
            Path svgFile = dir.resolve(f.name() + ".svg");
            AtomicFiles.write(svgFile, svg.getBytes(StandardCharsets.UTF_8));
            Path pdfFile = dir.resolve(f.name() + ".pdf");
            AtomicFiles.write(pdfFile, pdf(f.svg().text(), svgFile));
            written.add(svgFile);
            written.add(pdfFile);
        }
        return written;
    }

    /**
     * The SVG as a one-page PDF of the same size (1 SVG pixel = 1 PDF point at FOP's 72 dpi), its text set in DejaVu
     * Sans and the font embedded (a journal's checker refuses a PDF that only names Helvetica; viewers substitute it
     * and misplace glyphs).
     */
    static byte[] pdf(String svg, Path name) {
        PDFTranscoder transcoder = new PDFTranscoder();
        try {
            transcoder.configure(EmbeddedFont.configuration());
        } catch (ConfigurationException e) {
            throw new IllegalStateException("FOP refuses tl's font configuration", e);
        }
        transcoder.addTranscodingHint(PDFTranscoder.KEY_AUTO_FONTS, false);
        // 72 dpi, so that 1 SVG pixel is one PDF point: a 460-px chart becomes a 460-pt (16 cm) figure
        transcoder.addTranscodingHint(PDFTranscoder.KEY_PIXEL_UNIT_TO_MILLIMETER, 25.4f / 72);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            TranscoderInput in = new TranscoderInput(new StringReader(svg));
            in.setURI(name.toUri().toString());
            transcoder.transcode(in, new TranscoderOutput(out));
        } catch (TranscoderException e) {
            throw new TlException("the figure " + name.getFileName() + " cannot be converted to PDF: "
                    + e.getMessage() + " (a template or chart change produced SVG that Batik does not read)", e);
        }
        return out.toByteArray();
    }
}
