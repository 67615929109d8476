package io.columnline.adapters.search.knowledge;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ConditionalTokenFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.tartarus.snowball.ext.RussianStemmer;

/**
 * How text becomes terms, for English and Russian in one index.
 *
 * <ul>
 *   <li>{@code body}: every word, case folded and ё read as е, English and Russian stop words
 *       dropped, then stemmed by its own script: Cyrillic words with the Russian Snowball stemmer,
 *       the others with Porter. Searched with BM25.
 *   <li>{@code names}: the capitalised words only (names of companies, people, places), spelt in
 *       Latin letters (Cyrillic transliterated, then a few spellings folded: ks→x, kh→h, ck→k,
 *       ph→f, w→v), indexed by their beginnings (edge n-grams of 2 to {@value #MAX_GRAM} letters).
 *       A query word spelt the same way matches a name as people type it: "Газп", "gazprom",
 *       "Yandex" and "Яндекс" all find Яндекс's and Газпром's passages.
 *   <li>{@code name_words}: the same words whole, for a query word one typo or spelling away
 *       ("Lukoil" for Лукойл, spelt lukoyl).
 * </ul>
 */
final class Analysis {
    static final String BODY = "body";
    static final String NAMES = "names";
    static final String NAME_WORDS = "name_words";
    static final int MAX_GRAM = 20;

    private static final NormalizeCharMap YO = yo();
    private static final CharArraySet STOP_WORDS = stopWords();

    private Analysis() {}

    /** The analyzers of the indexed fields; other fields are not analysed. */
    static Analyzer indexing() {
        return new PerFieldAnalyzerWrapper(
                body(), Map.of(NAMES, names(true, true), NAME_WORDS, names(true, false), BODY, body()));
    }

    static Analyzer body() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = new LowerCaseFilter(source);
                stream = new StopFilter(stream, STOP_WORDS);
                stream = new ByScript(stream, true, in -> new SnowballFilter(in, new RussianStemmer()));
                stream = new ByScript(stream, false, in -> new PorterStemFilter(new EnglishPossessiveFilter(in)));
                return new TokenStreamComponents(source, stream);
            }

            @Override
            protected Reader initReader(String field, Reader reader) {
                return new MappingCharFilter(YO, reader);
            }

            @Override
            protected TokenStream normalize(String field, TokenStream in) {
                return new LowerCaseFilter(in);
            }
        };
    }

    /** {@code capitalisedOnly} at index time; a query takes every word as people type them in lower case. */
    static Analyzer names(boolean capitalisedOnly, boolean prefixes) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream stream = capitalisedOnly ? new Capitalised(source) : source;
                stream = new LowerCaseFilter(stream);
                stream = new StopFilter(stream, STOP_WORDS);
                stream = new Latin(stream);
                if (prefixes) {
                    stream = new EdgeNGramTokenFilter(stream, 2, MAX_GRAM, true);
                }
                return new TokenStreamComponents(source, stream);
            }

            @Override
            protected Reader initReader(String field, Reader reader) {
                return new MappingCharFilter(YO, reader);
            }
        };
    }

    /** The terms an analyzer makes of a text, in order. */
    static List<String> terms(Analyzer analyzer, String field, String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return terms;
    }

    static boolean cyrillic(CharSequence term) {
        for (int i = 0; i < term.length(); i++) {
            if (Character.UnicodeScript.of(term.charAt(i)) == Character.UnicodeScript.CYRILLIC) {
                return true;
            }
        }
        return false;
    }

    /** Stems a term only when it is (or is not) Cyrillic. */
    private static final class ByScript extends ConditionalTokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final boolean cyrillic;

        ByScript(TokenStream input, boolean cyrillic, java.util.function.Function<TokenStream, TokenStream> stemmer) {
            super(input, stemmer);
            this.cyrillic = cyrillic;
        }

        @Override
        protected boolean shouldFilter() {
            return cyrillic(term) == cyrillic;
        }
    }

    /** Keeps the words that hold a capital letter: Contoso, iPhone, Газпром, but not "the" or "компания". */
    private static final class Capitalised extends FilteringTokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        Capitalised(TokenStream input) {
            super(input);
        }

        @Override
        protected boolean accept() {
            if (term.length() < 2) {
                return false;
            }
            if (Character.isUpperCase(term.charAt(0))) {
                return true;
            }
            for (int i = 0; i < term.length(); i++) {
                if (Character.isUpperCase(term.charAt(i))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Lower-case Cyrillic transliterated to Latin letters, then a few spellings folded alike. */
    static final class Latin extends TokenFilter {
        private static final String[] CYRILLIC = new String['я' - 'а' + 1];
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        static {
            String[] latin = {
                "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u",
                "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"
            };
            System.arraycopy(latin, 0, CYRILLIC, 0, latin.length);
        }

        Latin(TokenStream input) {
            super(input);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            String spelt = spell(term);
            term.setEmpty().append(spelt);
            return true;
        }

        static String spell(CharSequence word) {
            StringBuilder out = new StringBuilder(word.length() + 4);
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                if (c >= 'а' && c <= 'я') {
                    out.append(CYRILLIC[c - 'а']);
                } else if (c == 'ё') {
                    out.append('e');
                } else if (c == 'і') {
                    out.append('i');
                } else if (c == 'ї') {
                    out.append("yi");
                } else if (c == 'є') {
                    out.append("ye");
                } else if (c == 'ґ') {
                    out.append('g');
                } else {
                    out.append(c);
                }
            }
            return out.toString()
                    .replace("ks", "x")
                    .replace("kh", "h")
                    .replace("ck", "k")
                    .replace("ph", "f")
                    .replace('w', 'v');
        }
    }

    private static NormalizeCharMap yo() {
        NormalizeCharMap.Builder map = new NormalizeCharMap.Builder();
        map.add("ё", "е");
        map.add("Ё", "Е");
        return map.build();
    }

    private static CharArraySet stopWords() {
        CharArraySet words = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, false);
        for (Object word : RussianAnalyzer.getDefaultStopSet()) {
            words.add(new String((char[]) word).replace('ё', 'е'));
        }
        return CharArraySet.unmodifiableSet(words);
    }
}
