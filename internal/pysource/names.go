package pysource

import (
	"strconv"
	"strings"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// codec is an encoding Python accepts for source files. enc is nil for
// UTF-8 and ASCII, which need validation, not conversion.
type codec struct {
	name string // Python's name for it (codecs.lookup(...).name)
	enc  encoding.Encoding
}

// The supported codecs, by Python's name. Only encodings that keep ASCII
// (and so newlines) as they are: Python's tokenizer needs that too, and
// it is what keeps line numbers identical after decoding.
var (
	utf8Codec  = &codec{name: "utf-8"}
	asciiCodec = &codec{name: "ascii"}
	latin1     = &codec{"iso8859-1", charmap.ISO8859_1}
)

// codecs maps a name with everything but letters and digits removed
// ("ISO_8859-15" → "iso885915") to its codec, with Python's aliases.
var codecs = map[string]*codec{}

func init() {
	add := func(c *codec, aliases ...string) {
		for _, a := range append(aliases, c.name) {
			codecs[key(a)] = c
		}
	}
	add(utf8Codec, "utf8", "u8", "utf", "cp65001", "utf8_ucs2", "utf8_ucs4")
	add(asciiCodec, "646", "us-ascii", "us", "ansi_x3.4_1968", "ansi_x3.4_1986", "ansi_x3_4_1968", "cp367", "csascii", "ibm367", "iso646_us", "iso_646.irv_1991", "iso_ir_6")
	add(latin1, "latin-1", "latin1", "latin", "l1", "8859", "cp819", "ibm819", "iso_ir_100", "iso_8859_1_1987", "csisolatin1")
	iso := []struct {
		n       string
		cm      *charmap.Charmap
		aliases []string
	}{
		{"2", charmap.ISO8859_2, []string{"latin2", "l2", "iso_ir_101", "csisolatin2"}},
		{"3", charmap.ISO8859_3, []string{"latin3", "l3", "iso_ir_109"}},
		{"4", charmap.ISO8859_4, []string{"latin4", "l4", "iso_ir_110"}},
		{"5", charmap.ISO8859_5, []string{"cyrillic", "iso_ir_144", "csisolatincyrillic"}},
		{"6", charmap.ISO8859_6, []string{"arabic", "asmo_708", "ecma_114", "iso_ir_127"}},
		{"7", charmap.ISO8859_7, []string{"greek", "greek8", "ecma_118", "elot_928", "iso_ir_126"}},
		{"8", charmap.ISO8859_8, []string{"hebrew", "iso_ir_138"}},
		{"9", charmap.ISO8859_9, []string{"latin5", "l5", "iso_ir_148"}},
		{"10", charmap.ISO8859_10, []string{"latin6", "l6", "iso_ir_157"}},
		{"13", charmap.ISO8859_13, []string{"latin7", "l7"}},
		{"14", charmap.ISO8859_14, []string{"latin8", "l8", "iso_celtic", "iso_ir_199"}},
		{"15", charmap.ISO8859_15, []string{"latin9", "l9"}},
		{"16", charmap.ISO8859_16, []string{"latin10", "l10", "iso_ir_226"}},
	}
	for _, c := range iso {
		add(&codec{"iso8859-" + c.n, c.cm}, append(c.aliases, "iso_8859_"+c.n, "8859_"+c.n)...)
	}
	windows := []*charmap.Charmap{charmap.Windows1250, charmap.Windows1251, charmap.Windows1252, charmap.Windows1253,
		charmap.Windows1254, charmap.Windows1255, charmap.Windows1256, charmap.Windows1257, charmap.Windows1258}
	for i, cm := range windows {
		n := 1250 + i
		add(&codec{"cp" + strconv.Itoa(n), cm}, "windows-"+strconv.Itoa(n))
	}
	dos := []struct {
		n  int
		cm *charmap.Charmap
	}{{437, charmap.CodePage437}, {850, charmap.CodePage850}, {852, charmap.CodePage852}, {855, charmap.CodePage855},
		{858, charmap.CodePage858}, {860, charmap.CodePage860}, {862, charmap.CodePage862}, {863, charmap.CodePage863},
		{865, charmap.CodePage865}, {866, charmap.CodePage866}}
	for _, c := range dos {
		add(&codec{"cp" + strconv.Itoa(c.n), c.cm}, "ibm"+strconv.Itoa(c.n), strconv.Itoa(c.n))
	}
	add(&codec{"cp874", charmap.Windows874}, "windows-874")
	add(&codec{"koi8-r", charmap.KOI8R}, "cskoi8r")
	add(&codec{"koi8-u", charmap.KOI8U})
	add(&codec{"mac-roman", charmap.Macintosh}, "macroman", "macintosh")
	add(&codec{"mac-cyrillic", charmap.MacintoshCyrillic}, "maccyrillic")
	// The multi-byte encodings below are decoded with their WHATWG
	// supersets (Shift_JIS as cp932, GB2312 as GBK, EUC-KR as cp949):
	// text valid in the narrower one decodes the same.
	add(&codec{"shift_jis", japanese.ShiftJIS}, "sjis", "shiftjis", "s_jis", "csshiftjis")
	add(&codec{"cp932", japanese.ShiftJIS}, "932", "ms932", "mskanji", "ms_kanji", "windows-31j")
	add(&codec{"euc_jp", japanese.EUCJP}, "eucjp", "ujis", "u_jis")
	add(&codec{"gbk", simplifiedchinese.GBK}, "cp936", "936", "ms936")
	add(&codec{"gb2312", simplifiedchinese.GBK}, "chinese", "csiso58gb231280", "euc_cn", "euccn", "eucgb2312_cn", "gb2312_1980", "gb2312_80", "iso_ir_58")
	add(&codec{"gb18030", simplifiedchinese.GB18030}, "gb18030_2000")
	add(&codec{"big5", traditionalchinese.Big5}, "big5_tw", "csbig5", "cp950", "ms950")
	add(&codec{"euc_kr", korean.EUCKR}, "euckr", "korean", "ksc5601", "ks_c_5601", "ks_c_5601_1987", "ksx1001", "ks_x_1001", "cp949", "949", "ms949", "uhc")
}

// lookup finds a codec by any of its names as Python does: case, '-', '_'
// and '.' do not matter; utf-8-* and latin-1-* (as the tokenizer's
// get_normal_name) are those encodings.
func lookup(name string) *codec {
	n := strings.ReplaceAll(strings.ToLower(name), "_", "-")
	switch {
	case n == "utf-8" || strings.HasPrefix(n, "utf-8-") && n != "utf-8-sig":
		return utf8Codec
	case n == "utf-8-sig":
		return utf8Codec // the BOM is optional; Decode checks one present
	}
	for _, p := range []string{"latin-1", "iso-8859-1", "iso-latin-1"} {
		if n == p || strings.HasPrefix(n, p+"-") {
			return latin1
		}
	}
	return codecs[key(name)]
}

func key(name string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}
