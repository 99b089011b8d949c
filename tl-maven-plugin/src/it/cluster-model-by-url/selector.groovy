// needs the real ResNet50 weights, from the workplace mirror (CI has it) or the user's tl cache
def found = org.tlrepro.core.testing.MirrorModel.find().isPresent()
if (!found) {
    println 'cluster-model-by-url: skipped, no resnet50-imagenet-keras.h5 in ../../shared/mirror or ~/.cache/tl'
}
return found
