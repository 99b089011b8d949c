package org.tlrepro.core.prepare;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.tlrepro.core.TlException;

/**
 * Decodes an image with OpenCV and resizes it with bilinear interpolation, as the paper does with
 * {@code cv2.resize}. Grey, RGBA and 16-bit images are converted to 8-bit colour by OpenCV's
 * {@code IMREAD_COLOR}; the result is RGB (OpenCV decodes to BGR), row-major, height x width x 3.
 */
public final class ImageDecoder {

    private ImageDecoder() {
    }

    /** Decodes to RGB at the original size. */
    public static DecodedImage decode(byte[] encoded, String name) {
        try (Mat bgr = decodeBgr(encoded, name); Mat rgb = new Mat()) {
            cvtColor(bgr, rgb, COLOR_BGR2RGB);
            return toImage(rgb);
        }
    }

    /** Decodes and resizes to {@code width} x {@code height} RGB with bilinear interpolation. */
    public static DecodedImage decodeResized(byte[] encoded, String name, int width, int height) {
        try (Mat bgr = decodeBgr(encoded, name); Mat small = new Mat(); Mat rgb = new Mat();
                Size size = new Size(width, height)) {
            resize(bgr, small, size, 0, 0, INTER_LINEAR);
            cvtColor(small, rgb, COLOR_BGR2RGB);
            return toImage(rgb);
        }
    }

    private static Mat decodeBgr(byte[] encoded, String name) {
        Mat bgr;
        try (BytePointer data = new BytePointer(encoded); Mat buffer = new Mat(1, encoded.length, CV_8UC1, data)) {
            bgr = imdecode(buffer, IMREAD_COLOR);
        }
        if (bgr == null || bgr.empty()) {
            throw new TlException(name + " cannot be decoded as an image (" + encoded.length
                    + " bytes): the file is damaged or not an image");
        }
        if (bgr.type() != CV_8UC3) {
            bgr.close();
            throw new TlException(name + " decoded to an unexpected pixel type " + bgr.type());
        }
        return bgr;
    }

    private static DecodedImage toImage(Mat rgb) {
        // cvtColor allocates its output, so it is one continuous block
        byte[] pixels = new byte[rgb.rows() * rgb.cols() * 3];
        rgb.data().get(pixels);
        return new DecodedImage(rgb.cols(), rgb.rows(), pixels);
    }

    /**
     * An 8-bit RGB image.
     *
     * @param pixels row-major, {@code height * width * 3} bytes, channels R, G, B
     */
    public record DecodedImage(int width, int height, byte[] pixels) {
        public int at(int y, int x, int channel) {
            return pixels[(y * width + x) * 3 + channel] & 0xff;
        }
    }
}
