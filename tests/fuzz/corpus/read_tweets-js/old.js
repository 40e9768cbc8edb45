window.YTD.tweet.part0 = [
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
  }
]