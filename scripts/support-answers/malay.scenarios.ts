import type { Scenario } from './scenario';

/** Malay (Bahasa Melayu) support bots. */
export const MALAY: Scenario[] = [
  {
    id: 'ms-shop-refund',
    lang: 'ms',
    domain: 'shop',
    question: 'Berapa lama bayaran balik akan diproses?',
    passages: [
      'Bayaran balik akan dikreditkan dalam masa 5 hari bekerja ke kaedah pembayaran asal.',
      'Kredit kedai diberikan serta-merta jika pelanggan memilihnya.',
    ],
    right: [
      'Bayaran balik mengambil masa 5 hari bekerja.',
      'Wang anda akan dipulangkan ke kaedah pembayaran asal dalam tempoh lima hari bekerja.',
    ],
    wrong: [
      ['number', 'Bayaran balik mengambil masa 3 hari bekerja.'],
      [
        'swap',
        'Bayaran balik dikreditkan serta-merta, manakala kredit kedai mengambil masa 5 hari bekerja.',
      ],
    ],
  },
  {
    id: 'ms-shop-hours',
    lang: 'ms',
    domain: 'shop',
    question: 'Pukul berapa kedai dibuka?',
    passages: [
      'Waktu operasi: Isnin hingga Jumaat 10 pagi hingga 10 malam. Sabtu dan Ahad 9 pagi hingga 11 malam.',
    ],
    right: [
      'Kedai dibuka pukul 10 pagi pada hari bekerja dan 9 pagi pada hujung minggu.',
      'Kami buka dari 10 pagi hingga 10 malam, Isnin hingga Jumaat.',
    ],
    wrong: [
      ['number', 'Kedai dibuka pukul 8 pagi pada hari bekerja dan 9 pagi pada hujung minggu.'],
      ['date', 'Kami buka dari 10 pagi hingga 10 malam, Isnin hingga Sabtu.'],
    ],
  },
  {
    id: 'ms-bank-atm',
    lang: 'ms',
    domain: 'bank',
    question: 'Adakah saya dikenakan caj untuk pengeluaran ATM?',
    passages: [
      'Pengeluaran tunai di ATM bank kami adalah percuma. Pengeluaran di ATM bank lain dikenakan caj RM1 setiap transaksi.',
    ],
    right: [
      'Tiada caj jika anda mengeluarkan wang di ATM kami; di ATM bank lain, caj RM1 dikenakan.',
      'Pengeluaran di ATM kami percuma, tetapi RM1 setiap kali di ATM bank lain.',
    ],
    wrong: [
      ['antonym', 'Pengeluaran di ATM kami berbayar, dan RM1 setiap kali di ATM bank lain.'],
      ['number', 'Pengeluaran di ATM kami percuma, tetapi RM4 setiap kali di ATM bank lain.'],
    ],
  },
  {
    id: 'ms-bank-loan',
    lang: 'ms',
    domain: 'bank',
    question: 'Apakah syarat untuk memohon pinjaman peribadi?',
    passages: [
      'Pemohon pinjaman peribadi mestilah warganegara Malaysia berumur 21 hingga 60 tahun dengan pendapatan minimum RM3,000 sebulan.',
      'Kelulusan diberikan dalam masa 2 hari bekerja.',
    ],
    right: [
      'Anda perlu warganegara Malaysia, berumur antara 21 dan 60 tahun, dan berpendapatan sekurang-kurangnya RM3,000 sebulan.',
      'Syaratnya: rakyat Malaysia, umur 21 hingga 60, gaji minimum RM3,000 sebulan.',
    ],
    wrong: [
      [
        'number',
        'Anda perlu warganegara Malaysia, berumur antara 18 dan 60 tahun, dan berpendapatan sekurang-kurangnya RM3,000 sebulan.',
      ],
      [
        'negation',
        'Anda tidak perlu warganegara Malaysia; umur 21 hingga 60 dan gaji minimum RM3,000 sebulan.',
      ],
    ],
  },
  {
    id: 'ms-telco-topup',
    lang: 'ms',
    domain: 'telco',
    question: 'Bagaimana cara tambah nilai prabayar?',
    passages: [
      'Tambah nilai boleh dibuat melalui aplikasi MyTelco, perbankan dalam talian atau di kedai serbaneka. Nilai minimum tambah nilai ialah RM5.',
      'Tambah nilai RM30 ke atas mendapat data percuma 2GB.',
    ],
    right: [
      'Anda boleh tambah nilai melalui aplikasi MyTelco, perbankan dalam talian atau kedai serbaneka, bermula RM5.',
      'Guna aplikasi MyTelco atau pergi ke kedai serbaneka; minimum RM5. Tambah nilai RM30 ke atas dapat 2GB percuma.',
    ],
    wrong: [
      ['number', 'Guna aplikasi MyTelco atau pergi ke kedai serbaneka; minimum RM10.'],
      ['number', 'Tambah nilai RM30 ke atas dapat data percuma 5GB.'],
    ],
  },
  {
    id: 'ms-telco-fibre',
    lang: 'ms',
    domain: 'telco',
    question: 'Berapa lama pemasangan fiber?',
    passages: [
      'Pemasangan jalur lebar fiber dijadualkan dalam masa 3 hari bekerja selepas permohonan diluluskan. Pemasangan adalah percuma untuk kontrak 24 bulan.',
    ],
    right: [
      'Juruteknik akan memasang fiber dalam 3 hari bekerja selepas permohonan lulus, tanpa bayaran untuk kontrak 24 bulan.',
      'Pemasangan dibuat dalam tiga hari bekerja selepas kelulusan.',
    ],
    wrong: [
      ['number', 'Pemasangan dibuat dalam tujuh hari bekerja selepas kelulusan.'],
      [
        'antonym',
        'Pemasangan fiber dalam 3 hari bekerja, dan dikenakan bayaran untuk kontrak 24 bulan.',
      ],
    ],
  },
  {
    id: 'ms-clinic-vaccine',
    lang: 'ms',
    domain: 'clinic',
    question: 'Bila saya boleh dapat suntikan influenza?',
    passages: [
      'Suntikan influenza diberikan setiap hari Rabu dan Jumaat, 2 petang hingga 5 petang, tanpa temu janji. Harga suntikan ialah RM75.',
    ],
    right: [
      'Anda boleh datang pada hari Rabu atau Jumaat antara 2 dan 5 petang; tidak perlu temu janji.',
      'Suntikan influenza ada setiap Rabu dan Jumaat petang, harganya RM75.',
    ],
    wrong: [
      [
        'date',
        'Anda boleh datang pada hari Selasa atau Jumaat antara 2 dan 5 petang; tidak perlu temu janji.',
      ],
      [
        'negation',
        'Suntikan influenza ada setiap Rabu dan Jumaat petang, tetapi perlu temu janji.',
      ],
    ],
  },
  {
    id: 'ms-gov-ic',
    lang: 'ms',
    domain: 'government',
    question: 'Berapa bayaran untuk menggantikan MyKad yang hilang?',
    passages: [
      'Penggantian MyKad yang hilang kali pertama dikenakan bayaran RM10. Kali kedua RM100 dan kali ketiga RM300.',
      'Permohonan dibuat di mana-mana pejabat Jabatan Pendaftaran Negara (JPN).',
    ],
    right: [
      'Kali pertama MyKad hilang, bayaran gantian ialah RM10, di mana-mana pejabat JPN.',
      'RM10 untuk kehilangan pertama, RM100 untuk kali kedua.',
    ],
    wrong: [
      [
        'number',
        'Kali pertama MyKad hilang, bayaran gantian ialah RM50, di mana-mana pejabat JPN.',
      ],
      ['name', 'Kali pertama MyKad hilang, bayaran gantian ialah RM10, di mana-mana pejabat LHDN.'],
    ],
  },
  {
    id: 'ms-courier-cod',
    lang: 'ms',
    domain: 'courier',
    question: 'Adakah anda menerima bayaran tunai semasa penghantaran?',
    passages: [
      'Bayaran tunai semasa penghantaran (COD) diterima untuk bungkusan bernilai sehingga RM500 di Semenanjung Malaysia sahaja.',
    ],
    right: [
      'Ya, COD diterima untuk bungkusan sehingga RM500, tetapi hanya di Semenanjung Malaysia.',
      'Boleh bayar tunai semasa terima barang jika nilainya tidak melebihi RM500 dan alamat di Semenanjung.',
    ],
    wrong: [
      [
        'name',
        'Ya, COD diterima untuk bungkusan sehingga RM500, tetapi hanya di Sabah dan Sarawak.',
      ],
      ['negation', 'Tidak, kami tidak menerima bayaran tunai semasa penghantaran.'],
    ],
  },
  {
    id: 'ms-utility-water',
    lang: 'ms',
    domain: 'utility',
    question: 'Kenapa bekalan air saya terputus?',
    passages: [
      'Gangguan bekalan air berjadual berlaku di Petaling Jaya pada 12 Mac dari 9 pagi hingga 6 petang kerana kerja penyelenggaraan paip.',
      'Lori tangki akan disediakan di kawasan terjejas.',
    ],
    right: [
      'Ada gangguan bekalan air berjadual di Petaling Jaya pada 12 Mac, 9 pagi hingga 6 petang, untuk penyelenggaraan paip.',
      'Bekalan dihentikan sementara pada 12 Mac kerana paip sedang diselenggara; lori tangki disediakan.',
    ],
    wrong: [
      [
        'date',
        'Ada gangguan bekalan air berjadual di Petaling Jaya pada 21 Mac, 9 pagi hingga 6 petang.',
      ],
      [
        'name',
        'Ada gangguan bekalan air berjadual di Shah Alam pada 12 Mac, 9 pagi hingga 6 petang.',
      ],
    ],
  },
];
