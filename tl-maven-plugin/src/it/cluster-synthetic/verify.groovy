import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').text
assert log.contains('Embedding 80 images (0 from the cache')
assert log.contains('Parasitized (40 images): level 1 PA=')
assert log.contains('Uninfected (40 images): level 1 UA=')
assert log.contains('Clustering in ') && log.contains('is up to date; skipping')

def out = new File(basedir, 'target/tl/cluster')
def result = new JsonSlurper().parse(new File(out, 'cluster.json'))
assert result.embedding.network == 'tiny test CNN'
assert result.embedding.dimension == 5
assert result.embedding.images == 80
assert result.clustering.linkage == 'ward'
assert result.classes*.name == ['Parasitized', 'Uninfected']
result.classes.each { c ->
    assert c.level2.size() == 4
    assert c.level2*.size.sum() == 40
    assert c.level1*.size.sum() == 40
    assert c.level1[0].size >= c.level1[1].size
}
assert result.combinations.size() == 16
assert result.level1.target.size + result.level1.source.size == 80

def rows = new File(out, 'assignments.tsv').readLines()
assert rows[0] == 'index\tclass\tfilename\tlevel1\tlevel2'
assert rows.size() == 81
return true
