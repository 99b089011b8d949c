import org.tlrepro.core.prepare.PreparedIndex
import org.tlrepro.core.tensor.Npy

def log = new File(basedir, 'build.log').text
assert log.contains('Using cell_images.zip from the mirror')
assert log.contains('Prepared 12 images of 50x50x3')

def out = new File(basedir, 'target/tl/prepare')
def images = Npy.read(new File(out, 'images.npy').toPath())
assert images.shape().toList() == [12, 50, 50, 3]
def index = PreparedIndex.read(new File(out, 'index.tsv').toPath())
assert index.rows().collect { it.className() }.countBy { it } == [Parasitized: 6, Uninfected: 6]
assert new File(out, 'originals/Uninfected').list().length == 6
// nothing is downloaded or cached when the mirror has the archive
assert !new File(basedir, 'target/cache').exists()
return true
