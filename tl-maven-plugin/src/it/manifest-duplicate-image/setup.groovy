import java.nio.file.Files
import org.tlrepro.core.testing.SyntheticDataset

def images = new File(basedir, 'images').toPath()
SyntheticDataset.createFolder(images, ['left', 'right'], 4, 3L)
Files.copy(images.resolve('left/img_101.png'), images.resolve('right/also-101.png'))
return true
