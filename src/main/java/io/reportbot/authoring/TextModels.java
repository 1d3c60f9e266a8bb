package io.reportbot.authoring;

import io.reportbot.core.EngineLoadException;
import io.reportbot.core.Language;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;

/**
 * OpenNLP's sentence detector and tokenizer for one language, with the models of the Maven Central model jars
 * (opennlp-models-sentdetect-* and -tokenizer-* 1.3.0) read from the class path; nothing is downloaded. The models
 * are shared; a detector and a tokenizer are made per call, so an instance is thread-safe.
 */
public final class TextModels {

    /** A sentence with its tokens and their character spans within the sentence. */
    public record Sentence(String text, List<String> tokens, List<Span> spans) {
    }

    private final SentenceModel sentences;
    private final TokenizerModel tokens;

    private TextModels(SentenceModel sentences, TokenizerModel tokens) {
        this.sentences = sentences;
        this.tokens = tokens;
    }

    /** The models for a language. */
    public static TextModels forLanguage(Language language) {
        String corpus = language == Language.DE ? "de-ud-gsd" : "en-ud-ewt";
        try (InputStream s = resource("/opennlp-" + corpus + "-sentence-1.3-2.5.4.bin");
             InputStream t = resource("/opennlp-" + corpus + "-tokens-1.3-2.5.4.bin")) {
            return new TextModels(new SentenceModel(s), new TokenizerModel(t));
        } catch (IOException e) {
            throw new EngineLoadException("the OpenNLP models for " + language.code() + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = TextModels.class.getResourceAsStream(name);
        if (in == null) {
            throw new EngineLoadException("the OpenNLP model " + name + " is missing from the class path");
        }
        return in;
    }

    /** The sentences of a text, paragraph by paragraph (a line is a paragraph), each tokenized. */
    public List<Sentence> read(String text) {
        SentenceDetectorME detector = new SentenceDetectorME(sentences);
        TokenizerME tokenizer = new TokenizerME(tokens);
        List<Sentence> out = new ArrayList<>();
        for (String paragraph : text.split("\\R")) {
            if (paragraph.isBlank()) {
                continue;
            }
            for (String s : detector.sentDetect(paragraph.strip())) {
                String sentence = s.strip();
                Span[] spans = tokenizer.tokenizePos(sentence);
                List<String> toks = new ArrayList<>();
                for (Span sp : spans) {
                    toks.add(sp.getCoveredText(sentence).toString());
                }
                out.add(new Sentence(sentence, toks, List.of(spans)));
            }
        }
        return out;
    }
}
