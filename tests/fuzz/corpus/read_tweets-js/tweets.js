window.YTD.tweets.part0 = [
  {
    "tweet": {
      "id_str": "1050118621198921728",
      "full_text": "Flu shots are in! Walk-in clinics run Mon-Fri 8am-6pm, no appointment needed. What questions do you have about this year's vaccine? #FluSeason",
      "created_at": "Wed Oct 10 20:19:24 +0000 2018"
    }
  },
  {
    "tweet": {
      "id_str": "1050118621198921729",
      "full_text": "Our award-winning team of world-class surgeons is the best in the state. Book today! Limited time offer.",
      "created_at": "Wed Oct 10 20:19:24 +0000 2018"
    }
  },
  {
    "tweet": {
      "id_str": "1050118621198921730",
      "full_text": "@sam_r Thanks for asking! Flu shots are walk-in this week.",
      "created_at": "Wed Oct 10 20:19:24 +0000 2018"
    }
  },
  {
    "tweet": {
      "id_str": "1050118621198921731",
      "full_text": "We're so sorry about your experience. Please DM us so we can help.",
      "created_at": "Wed Oct 10 20:19:24 +0000 2018"
    }
  },
  {
    "tweet": {
      "id_str": "1050118621198921732",
      "full_text": "Joining tonight's #hcsm chat at 9pm ET: how should hospitals talk about wait times? https://example.org/x",
      "created_at": "Wed Oct 10 20:19:24 +0000 2018"
    }
  },
  {
    "tweet": {
      "id_str": "1050118621198921733",
      "full_text": "This cure ends diabetes forever!!! 100% guaranteed #health #wellness #cure #miracle",
      "created_at": "Wed Oct 10 20:19:24 +0000 2018"
    }
  },
  {
    "tweet": {
      "id_str": "1050118621198921734",
      "full_text": "Patient John Smith, room 402, was discharged today after his surgery.",
      "created_at": "Wed Oct 10 20:19:24 +0000 2018"
    }
  },
  {
    "tweet": {
      "id_str": "1050118621198921735",
      "full_text": "Café au lait spots: when to see a doctor 👩‍⚕️ ❤️ مرحبا 你好",
      "created_at": "Wed Oct 10 20:19:24 +0000 2018"
    }
  }
]