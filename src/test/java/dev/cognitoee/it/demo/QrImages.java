package dev.cognitoee.it.demo;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import javax.imageio.ImageIO;

/** Reads a QR code the demo drew, as a phone's camera would: from the PNG, not from the page's text. */
public final class QrImages {

    private static final String PREFIX = "data:image/png;base64,";

    private QrImages() {
    }

    /** The text of the QR code in a {@code data:image/png;base64,...} URI. */
    public static String decode(String dataUri) throws Exception {
        if (!dataUri.startsWith(PREFIX)) {
            throw new IllegalArgumentException("Not a PNG data URI");
        }
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(
                Base64.getDecoder().decode(dataUri.substring(PREFIX.length()))));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        return new QRCodeReader().decode(bitmap).getText();
    }
}
