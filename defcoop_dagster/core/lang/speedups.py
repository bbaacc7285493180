"""natasha's models, the same weights and the same outputs, computed with less work.

Two parts of slovnet's numpy inference cost more than they need to, and are replaced on our
instances of the models (``speed_up``), never on slovnet's classes:

* **Convolutions.** slovnet's ``Conv1d`` copies each window of its input into a matrix (positions ×
  channels·kernel, three times the input for a kernel of 3) and multiplies that by the filters;
  the copy takes about as long as the product. The same convolution is the padded input (positions
  × channels) times the filters of every kernel offset side by side (channels × kernel·filters),
  each offset's columns then added shifted by that offset: one product, no array larger than its
  result. The sums differ from slovnet's only in float rounding (their order differs): on 300
  corpus articles every tag, head and NER span came out the same.
* **Word encoding.** Each model turns every word into a vocabulary id and a shape id (a dozen
  string operations) each time it reads it, and news repeat their words: each model keeps the
  pairs it has made, per word.
"""

import numpy as np
from slovnet.exec.encoders import WordShapeEncoder
from slovnet.exec.model import Conv1d
from slovnet.shape import word_shape

WORDS_KEPT = 100_000  # most of a corpus's vocabulary (~15 MB per model); past it the cache starts again


class ShiftedConv1d(Conv1d):
    """A ``Conv1d`` (batch × channels × positions in and out, as slovnet's) by shifted sums."""

    def __init__(self, weight, bias, padding):
        super().__init__(weight, bias, padding)
        filters, channels, kernel = weight.shape
        # channels × (kernel·filters), column block k the filters' weights at offset k; made here, where
        # the fork server loads the models, so that its workers share it
        self.side_by_side = np.ascontiguousarray(weight.array.transpose(1, 2, 0).reshape(channels, kernel * filters))

    def __call__(self, input):
        filters, channels, kernel = self.weight.shape
        batch, _, length = input.shape
        pad = self.padding
        windows = length + 2 * pad - kernel + 1
        padded = np.zeros((batch, length + 2 * pad, channels), dtype=input.dtype)
        padded[:, pad : pad + length] = input.swapaxes(2, 1)
        products = (padded.reshape(-1, channels) @ self.side_by_side).reshape(batch, -1, kernel, filters)
        output = products[:, 0:windows, 0].copy()
        for offset in range(1, kernel):
            output += products[:, offset : offset + windows, offset]
        output += self.bias.array
        return output.swapaxes(2, 1)  # batch × filters × positions, as slovnet's layer returns it


class KeptWordShapes(WordShapeEncoder):
    """slovnet's encoder, each word's (word id, shape id) made once."""

    def __init__(self, words_vocab, shapes_vocab, batch_size=8):
        super().__init__(words_vocab, shapes_vocab, batch_size)
        self.kept: dict[str, tuple[int, int]] = {}

    def item(self, words):
        kept = self.kept
        if len(kept) > WORDS_KEPT:
            kept.clear()
        word_ids, shape_ids = [], []
        for word in words:
            ids = kept.get(word)
            if ids is None:
                ids = kept[word] = (self.words_vocab.encode(word.lower()), self.shapes_vocab.encode(word_shape(word)))
            word_ids.append(ids[0])
            shape_ids.append(ids[1])
        return word_ids, shape_ids


def speed_up(tagger) -> None:
    """Replace, in place, the convolutions and the word encoder of a natasha tagger or parser."""
    for layer in tagger.infer.model.encoder.layers:
        conv = layer.conv
        layer.conv = ShiftedConv1d(conv.weight, conv.bias, conv.padding)
    encoder = tagger.infer.encoder
    tagger.infer.encoder = KeptWordShapes(encoder.words_vocab, encoder.shapes_vocab, encoder.batch_size)
