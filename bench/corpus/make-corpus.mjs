#!/usr/bin/env node
// Makes N realistic tweets of healthcare accounts, one per line, for the
// benchmarks: `node bench/corpus/make-corpus.mjs N > file.txt`.
// Deterministic: the same N always gives the same file (seeded PRNG, no
// Date or Math.random), so benchmark runs compare like with like.

const n = Number.parseInt(process.argv[2] ?? '1000', 10);
if (!Number.isInteger(n) || n < 0) {
  process.stderr.write('usage: node bench/corpus/make-corpus.mjs N > file.txt\n');
  process.exit(2);
}

// mulberry32: small, fast, good enough for picking fragments.
let seed = 0x43484d45;  // "CHME"
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(random() * list.length)];
const chance = (p) => random() < p;
const capitalise = (s) => s[0].toUpperCase() + s.slice(1);

const topics = ['flu shots', 'blood pressure checks', 'diabetes screening', 'mental health',
  'heart health', 'vaccines', 'breast cancer screening', 'hand washing', 'sleep',
  'healthy eating', 'childhood immunisations', 'stroke warning signs', 'hydration',
  'sun safety', 'organ donation', 'blood donation', 'COVID-19 boosters', 'asthma care',
  'prenatal care', 'colon cancer screening', 'telehealth visits', 'nurse staffing'];
const places = ['our Main St clinic', 'the downtown campus', 'St. Mary\'s', 'the north wing',
  'our pediatric unit', 'the community center', 'the farmers market', 'Riverside Hospital'];
const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'this weekend'];
const times = ['9am', '10am-2pm', '8:30 AM', 'noon', '3pm', '5-7pm'];
const hashtags = ['#hcsm', '#hcsm', '#HealthTips', '#PublicHealth', '#FluSeason', '#MentalHealth',
  '#Nurses', '#HeartHealth', '#DiabetesAwareness', '#VaccinesWork', '#hcldr', '#MedEd',
  '#PatientSafety', '#BCAM', '#WorldHealthDay', '#Salud', '#salud_mental', '#Covid19',
  '#healthcare', '#DigitalHealth'];
const mentions = ['@CDCgov', '@WHO', '@NIH', '@AmerMedicalAssn', '@AHAhealthcare', '@CMSGov',
  '@HHSGov', '@MayoClinic', '@ClevelandClinic', '@nurse_jane', '@DrSmithMD', '@CountyHealth',
  '@CDCgov/flu-updates', '@OPS_OMS'];
const urls = ['https://example.org/flu', 'https://www.cdc.gov/flu/prevent/index.html',
  'http://bit.ly/3xYzAbc', 'example-health.org/events', 'www.riversidehealth.org/careers',
  'https://t.co/AbC123xYz9', 'healthsystem.com/blog/heart-month?utm_source=twitter&utm_medium=social',
  'https://www.who.int/news-room/fact-sheets', 'mayo.edu/research', 'https://clinic.example.com/book'];
const cashtags = ['$UNH', '$CVS', '$HCA', '$JNJ', '$PFE'];
const emoji = ['💉', '❤️', '🩺', '🏥', '👩‍⚕️', '👨🏽‍⚕️', '🙌', '✅', '📅', '😷', '💪🏾', '🧠', '🇺🇸', '🇲🇽',
  '👏', '🎉', '☀️', '1️⃣', '👨‍👩‍👧', '🍎'];

const english = [
  () => `Don't forget: ${pick(topics)} are available at ${pick(places)} ${pick(days)} from ${pick(times)}.`,
  () => `Did you know? ${capitalise(pick(topics))} can make a real difference. Ask your care team at your next visit.`,
  () => `We're so proud of our nurses at ${pick(places)}! Thank you for everything you do, every single day.`,
  () => `What questions do you have about ${pick(topics)}? Reply below and our experts will answer live ${pick(days)}.`,
  () => `New study from our researchers: regular ${pick(topics)} cut ER visits by ${10 + Math.floor(random() * 40)}% in our community.`,
  () => `Join us ${pick(days)} at ${pick(times)} for a free talk on ${pick(topics)}. No registration needed.`,
  () => `Feeling overwhelmed? You are not alone. Talk to someone today, call or text 988 any time, day or night.`,
  () => `Reminder: ${pick(places)} will open late ${pick(days)} because of staff training. We apologise for any inconvenience.`,
  () => `BEST hospital in the region!!! Book NOW, limited spots for ${pick(topics)}!!!`,
  () => `Tip of the day: a 10-minute walk after meals helps with ${pick(topics)}. Small steps add up.`,
  () => `Congrats to Dr. Lee and the team on ${pick(topics)} research funding. Big things ahead for patients.`,
  () => `Our ${pick(topics)} clinic has moved to ${pick(places)}; same phone number, same great team.`,
];
const spanish = [
  () => `¡No olvides tu vacuna contra la gripe! Disponible en ${pick(places)} el ${pick(['lunes', 'martes', 'sábado'])}.`,
  () => `¿Tienes preguntas sobre la salud mental? Nuestro equipo está aquí para ayudarte. Llámanos hoy.`,
  () => `La prevención es la mejor medicina: chequeos anuales, ejercicio y una dieta equilibrada.`,
];
const cjk = [
  () => '今日はインフルエンザ予防接種の日です。お近くのクリニックへどうぞ。',
  () => '请记得洗手，保护自己和家人的健康。',
  () => '건강검진을 잊지 마세요! 예약은 온라인으로 가능합니다.',
];
const arabic = [
  () => 'تذكير: حملة التطعيم ضد الإنفلونزا تبدأ هذا الأسبوع في جميع العيادات.',
  () => 'صحتك تهمنا. احجز موعدك اليوم.',
];

function tweet() {
  const r = random();
  const base = r < 0.78 ? pick(english) : r < 0.88 ? pick(spanish) : r < 0.95 ? pick(cjk) : pick(arabic);
  let text = base();
  if (chance(0.3)) text = `${pick(mentions)} ${text}`;
  if (chance(0.45)) text += ` ${pick(emoji)}`;
  if (chance(0.5)) text += ` ${pick(urls)}`;
  if (chance(0.2)) text += ` cc ${pick(mentions)}`;
  const tags = chance(0.7) ? 1 + Math.floor(random() * 3) : 0;
  for (let i = 0; i < tags; i++) text += ` ${pick(hashtags)}`;
  if (chance(0.03)) text += ` ${pick(cashtags)}`;
  if (chance(0.15)) text += ` ${pick(emoji)}${pick(emoji)}`;
  if (chance(0.05)) text = `${text} ${base()} ${base()}`;  // a long one, past 280 at times
  return text;
}

const lines = [];
for (let i = 0; i < n; i++) lines.push(tweet());
process.stdout.write(lines.length ? lines.join('\n') + '\n' : '');
