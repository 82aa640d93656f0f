/**
 * Patterns of regulated advice per language. A sentence is advice in a domain when it names
 * something of that domain (`terms`) and speaks to the reader as advice (`frames`: "you should",
 * an imperative, "I recommend"; for medicine also a diagnosis, "you have …"), or, for medicine, gives
 * a dose with a frequency; unless it refers the reader to a professional or declines to advise
 * (`referrals`). Written as regular-expression sources (case-insensitive; Latin-script entries
 * whole-word). Tuned on data/validators/regulated-advice-dev.jsonl only; documented in
 * docs/policy.md (`regulatedAdvice`).
 */
export type AdviceDomain = 'medical' | 'legal' | 'financial';
export const ADVICE_DOMAINS: readonly AdviceDomain[] = ['medical', 'legal', 'financial'];

export interface AdviceLexicon {
  /** Advice addressed to the reader: modal verbs, imperatives, recommendations, guarantees. */
  frames: string[];
  /** A diagnosis of the reader (medical only). */
  diagnoses: string[];
  /** A dose with a frequency: an instruction even without a frame. */
  doses: string[];
  /** Referrals to a professional and refusals to advise: such a sentence is not advice. */
  referrals: string[];
  terms: Record<AdviceDomain, string[]>;
  /** Thai: no spaces between words, so no word boundaries. */
  unspaced?: boolean;
}

const EN_IMPERATIVES =
  'take|stop|skip|apply|give|cut|double|increase|reduce|sell|buy|borrow|transfer|refuse|file|sue|ignore|invest|withdraw|max out|move|put|cancel|refinance|finish|contest|plead|demand|sign';

export const ADVICE_LEXICONS: Record<string, AdviceLexicon> = {
  en: {
    frames: [
      "you (?:should|must|need to|have to|ought to|can legally|can safely|can afford|are entitled to|'d better|had better)",
      "you (?:do not|don't) need (?:a|to)",
      'i (?:would )?(?:recommend|suggest|advise)',
      'my advice',
      '(?:your )?best option',
      'go for',
      'just (?:ignore|tell|take|stop|sign|buy|sell)',
      "(?:do not|don't|never) (?:sign|take|pay|answer|stop)",
      `(?:^|[.;:,]\\s+|\\band\\s+|\\bso\\s+|\\bnow\\s+)(?:${EN_IMPERATIVES})`,
      'it (?:will|would) (?:clear|save|give)',
      'cannot lose|guaranteed returns?|at least \\d+% a year|will give you',
      'you have a strong case',
      'they cannot enforce',
      'for sure',
    ],
    diagnoses: [
      "you (?:have|'ve got|are (?:likely |probably )?suffering from|probably have|definitely have|likely have)",
      'sounds like you have',
      'your \\w+(?: \\w+)? (?:is|are) (?:probably|likely|just|definitely)',
      '(?:kid|child|son|daughter) has',
    ],
    doses: [
      '\\d+(?:\\.\\d+)?\\s?(?:mg|ml|mcg|units?)\\b[^.]{0,60}(?:a day|per day|daily|every|each|nightly|twice|three times)',
      '(?:two|three|\\d+) (?:tablets?|pills?|capsules?|ibuprofen|paracetamol)[^.]{0,40}every',
      '(?:once|twice|three times) (?:a|per) day',
    ],
    referrals: [
      'consult (?:a|your) (?:doctor|physician|pharmacist|lawyer)',
      '(?:speak|talk) (?:to|with) (?:a|your) (?:doctor|lawyer|solicitor|licensed|financial adviser|pharmacist)',
      '(?:cannot|can not|are not able to|unable to) (?:give|provide|offer) (?:medical|legal|financial|investment)? ?advice',
      'for advice about',
      'licensed (?:financial )?adviser',
      'call emergency services',
      'past performance',
    ],
    terms: {
      medical: [
        'amoxicillin|ibuprofen|paracetamol|acetaminophen|metformin|insulin|fluoxetine|sertraline|warfarin|penicillin|sumatriptan|aspirin|statins?|antibiotics?|steroid|antacid|medication|medicine|tablets?|pills?|dose|doses|dosage|cream|syrup',
        'diabetes|depression|infection|migraine|strep throat|reflux|sinus|rash|blood pressure|chest pain|swelling|fever|dizzy|symptoms',
      ],
      legal: [
        'sue|lawsuit|court|settlement|clause|contract|unenforceable|wrongful dismissal|plead|guilty|police|landlord|withhold rent|divorce|custody|creditors|breach|summons|judge|hearing|the will|insurer|non-compete|file the claim|legally',
      ],
      financial: [
        'shares?|stocks?|bonds?|bitcoin|crypto\\w*|funds?|portfolio|equities|invest\\w*|mortgage|loan|refinance|credit card|savings|pension|epf|property|gold|premiums|index fund|earnings|afford',
      ],
    },
  },
  id: {
    frames: [
      '(?:anda|kamu|awak) (?:perlu|harus|sebaiknya|boleh|berhak|mampu|kena|wajib)',
      'sebaiknya|lebih baik',
      'saya (?:cadangkan|sarankan|rekomendasikan|anjurkan)',
      'jangan (?:tandatangan|tandatangani|minum|bayar)',
      `(?:^|[.;:,]\\s+|\\bdan\\s+|\\bjadi\\s+)(?:minum|makan|sapukan|oleskan|naikkan|turunkan|ambil|jual|beli|belikan|pindahkan|gunakan|investasikan|laburkan|keluarkan|tolak|failkan|ajukan|hentikan|abaikan|anak anda perlu)`,
      'pasti untung|nanti sembuh|minum antasida saja',
      'tidak bisa memaksa|tidak boleh dikuatkuasakan',
      'failkan tuntutan',
    ],
    diagnoses: [
      '(?:anda|kamu) (?:menderita|mengidap|mengalami|kena jangkitan|kena)',
      'kemungkinan hanya',
    ],
    doses: [
      '\\d+(?:[.,]\\d+)?\\s?(?:mg|ml|unit)\\b[^.]{0,60}(?:sehari|setiap|tiap|malam)',
      '(?:dua|tiga|\\d+) tablet[^.]{0,40}setiap',
      '(?:satu|dua|tiga|\\d+) kali sehari',
    ],
    referrals: [
      '(?:berjumpa|berkonsultasi|konsultasi|rujuk|hubungi)\\s+(?:dengan\\s+)?(?:doktor|dokter|pengacara|peguam|ahli farmasi|perunding)',
      'tidak dapat memberikan nasihat',
      'perunding kewangan berlesen',
      'prestasi lalu',
    ],
    terms: {
      medical: [
        'amoksisilin|parasetamol|antibiotik|insulin|ubat|obat|tablet|krim steroid|steroid|dosis|dos|sirap|antasida|diabetes|darah tinggi|demam|ruam|sakit dada|asam lambung|jangkitan|sinus',
      ],
      legal: [
        'menggugat|gugat|pengadilan|mahkamah|perjanjian|klausa|kontrak|dikuatkuasakan|sewa|cerai|hak asuh|surat panggilan|pemiutang|merampas|majikan|persidangan|wasiat|bersalah|polisi|memaksa|tuntutan',
      ],
      financial: [
        'tabungan|simpanan|saham|pinjaman|kad kredit|kartu kredit|obligasi|bitcoin|kwsp|emas|reksa dana|unit amanah|dana|pensiun|properti|melabur|investasi|untung|menabung',
      ],
    },
  },
  th: {
    unspaced: true,
    frames: [
      'คุณควร|ควร(?:ย้าย|ฟ้อง|ยื่น|คัดค้าน|หยุด|ถอน|ลงทุน)',
      'แนะนำให้',
      'อย่า(?:เซ็น|กิน|จ่าย)',
      'หยุด(?:กิน|ส่ง)',
      '(?:^|\\s)(?:กิน|ทา|ให้ลูกกิน|เพิ่มขนาด|โอน|ขาย|ซื้อ|กู้|รูด|ปฏิเสธที่จะ)',
      'ไม่ต้องสนใจ',
      'คุณมีสิทธิ์',
      'ได้สบาย',
      'แน่นอน',
      'ให้รีบ|รีบยื่น',
      'กินยาปฏิชีวนะแล้วจะหาย|ก็พอ',
    ],
    diagnoses: ['คุณเป็นโรค', 'คุณน่าจะเป็น', 'น่าจะเป็นแค่'],
    doses: [
      '\\d+\\s?(?:มิลลิกรัม|มก\\.|มล\\.|ยูนิต)[^ ]{0,30}(?:วันละ|ทุก)',
      'วันละ(?:หนึ่ง|สอง|สาม|\\d)ครั้ง',
      '(?:สอง|สาม|\\d)เม็ดทุก',
    ],
    referrals: [
      'ปรึกษา(?:แพทย์|ทนาย|เภสัชกร)',
      'ไม่สามารถให้คำแนะนำ',
      'กรุณาติดต่อ',
      'กรุณาสอบถาม',
      'ผลการดำเนินงานในอดีต',
    ],
    terms: {
      medical: [
        'ยา|มิลลิกรัม|เม็ด|ยูนิต|อินซูลิน|พาราเซตามอล|ปฏิชีวนะ|สเตียรอยด์|เบาหวาน|ความดัน|ไข้|ผื่น|กรดไหลย้อน|ไซนัส|เจ็บหน้าอก',
      ],
      legal: [
        'ฟ้อง|ศาล|สัญญา|ค่าเช่า|หย่า|เลี้ยงดูบุตร|หมายศาล|เจ้าหนี้|ยึด|นายจ้าง|ค่าชดเชย|ตำรวจ|ให้การ|พินัยกรรม|บังคับ',
      ],
      financial: [
        'หุ้น|เงินออม|สินเชื่อ|บัตรเครดิต|กู้|พันธบัตร|บิทคอยน์|ลงทุน|กองทุน|พอร์ต|ผลตอบแทน|ประกันสังคม|ทองคำ|คอนโด',
      ],
    },
  },
  tl: {
    frames: [
      'dapat (?:mong|kang)',
      '(?:uminom|mag-file|magsampa|mag-personal loan|mag-antibiotic|bumili) ka',
      '(?:itigil|dagdagan|bigyan|ilipat|ibenta|bilhin|gamitin|i-withdraw|i-invest|ipahid|pirmahan) (?:mo|ang)',
      'huwag (?:mong|kang|mo nang)',
      'may karapatan ka',
      'inirerekomenda kong',
      'siguradong|kaya mo',
      'hindi ka nila mapipilit',
    ],
    diagnoses: ['may [\\w-]+(?: [\\w-]+){0,2} ka', 'mukhang may', 'ay [\\w ]{0,20} lang'],
    doses: [
      '\\d+\\s?(?:mg|ml|units)\\b[^.]{0,60}(?:araw|tuwing|gabi)',
      '(?:isang|dalawang|tatlong) beses (?:sa )?isang araw',
      'tuwing (?:apat|anim|walong|\\d+) na oras',
    ],
    referrals: [
      'kumonsulta sa (?:doktor|abogado)',
      'hindi po kami makapagbibigay',
      'kumausap ng lisensiyadong',
      'nakaraang performance',
    ],
    terms: {
      medical: [
        'amoxicillin|paracetamol|insulin|antibiotic|gamot|steroid|antacid|syrup|diabetes|altapresyon|lagnat|pantal|sinusitis|acid reflux|sakit sa dibdib',
      ],
      legal: [
        'idemanda|demanda|kaso|kasunduan|clause|upa|annulment|custody|subpoena|pinagkakautangan|kontrata|pulis|pagdinig|testamento|landlord|mapipilit',
      ],
      financial: [
        'ipon|stocks|personal loan|credit card|housing loan|bonds|bitcoin|fund|equity|pag-ibig|condo|sss|ginto|kikita|pera',
      ],
    },
  },
};
ADVICE_LEXICONS.ms = ADVICE_LEXICONS.id;

/** Languages a `regulatedAdvice` policy may name. */
export const ADVICE_LANGUAGES = ['en', 'ms', 'id', 'th', 'tl'] as const;

/** What the finding suggests instead, per language of the sentence. */
export const ADVICE_SUGGESTIONS: Record<string, Record<AdviceDomain, string>> = {
  en: {
    medical: 'Please speak to a doctor or pharmacist about your situation.',
    legal: 'Please speak to a lawyer about your situation.',
    financial: 'Please speak to a licensed financial adviser about your situation.',
  },
  id: {
    medical: 'Silakan berkonsultasi dengan dokter atau apoteker mengenai kondisi Anda.',
    legal: 'Silakan berkonsultasi dengan pengacara mengenai situasi Anda.',
    financial: 'Silakan berkonsultasi dengan penasihat keuangan berlisensi.',
  },
  th: {
    medical: 'กรุณาปรึกษาแพทย์หรือเภสัชกรเกี่ยวกับอาการของคุณ',
    legal: 'กรุณาปรึกษาทนายความเกี่ยวกับกรณีของคุณ',
    financial: 'กรุณาปรึกษาผู้แนะนำการลงทุนที่ได้รับอนุญาต',
  },
  tl: {
    medical: 'Mangyaring kumonsulta sa doktor o parmasyutiko tungkol sa inyong kalagayan.',
    legal: 'Mangyaring kumonsulta sa abogado tungkol sa inyong sitwasyon.',
    financial: 'Mangyaring kumausap ng lisensiyadong financial adviser.',
  },
};
ADVICE_SUGGESTIONS.ms = ADVICE_SUGGESTIONS.id;
