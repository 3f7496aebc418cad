{
  "patcher": {
    "fileversion": 1,
    "appversion": {
      "major": 8,
      "minor": 5,
      "revision": 5,
      "architecture": "x64",
      "modernui": 1
    },
    "classnamespace": "box",
    "rect": [
      40.0,
      60.0,
      1000.0,
      640.0
    ],
    "bglocked": 0,
    "openinpresentation": 1,
    "default_fontsize": 12.0,
    "default_fontface": 0,
    "default_fontname": "Arial",
    "gridonopen": 1,
    "gridsize": [
      15.0,
      15.0
    ],
    "gridsnaponopen": 1,
    "objectsnaponopen": 1,
    "statusbarvisible": 2,
    "toolbarvisible": 1,
    "boxanimatetime": 200,
    "enablehscroll": 1,
    "enablevscroll": 1,
    "description": "",
    "digest": "",
    "tags": "",
    "style": "",
    "subpatcher_template": "",
    "assistshowspatchername": 0,
    "boxes": [
      {
        "box": {
          "fontface": 1,
          "fontsize": 18.0,
          "id": "obj-1",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            20.0,
            10.0,
            400.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            10.0,
            8.0,
            400.0,
            28.0
          ],
          "text": "osc-composer - Max client"
        }
      },
      {
        "box": {
          "height": 36,
          "id": "obj-2",
          "linecount": 2,
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            20.0,
            40.0,
            760.0,
            22.0
          ],
          "text": "1. start the server (osc-composer serve)  2. pick, type or record a seed  3. set parameters  4. GENERATE. Notes come back over OSC and play through [makenote] -> [noteout] in time with TEMPO."
        }
      },
      {
        "box": {
          "id": "obj-3",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            420.0,
            10.0,
            340.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            420.0,
            12.0,
            340.0,
            22.0
          ],
          "text": "Patching mode (Cmd/Ctrl-Alt-E) shows the plumbing."
        }
      },
      {
        "box": {
          "id": "obj-4",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 0,
          "outlettype": [],
          "patching_rect": [
            620.0,
            760.0,
            168.0,
            22.0
          ],
          "text": "udpsend 127.0.0.1 9000"
        }
      },
      {
        "box": {
          "id": "obj-5",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            900.0,
            120.0,
            119.0,
            22.0
          ],
          "text": "udpreceive 9001"
        }
      },
      {
        "box": {
          "fontface": 1,
          "id": "obj-6",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            20.0,
            90.0,
            84.0,
            22.0
          ],
          "text": "CONNECTION"
        }
      },
      {
        "box": {
          "id": "obj-7",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            20.0,
            115.0,
            112.0,
            22.0
          ],
          "text": "host 127.0.0.1"
        }
      },
      {
        "box": {
          "id": "obj-8",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            160.0,
            115.0,
            315.0,
            22.0
          ],
          "text": "<- edit and click to change the server host"
        }
      },
      {
        "box": {
          "id": "obj-9",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            20.0,
            145.0,
            91.0,
            22.0
          ],
          "text": "server port"
        }
      },
      {
        "box": {
          "id": "obj-10",
          "maxclass": "number",
          "maximum": 65535,
          "minimum": 1,
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "",
            "bang"
          ],
          "parameter_enable": 0,
          "patching_rect": [
            110.0,
            145.0,
            60.0,
            22.0
          ]
        }
      },
      {
        "box": {
          "id": "obj-11",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            180.0,
            145.0,
            98.0,
            22.0
          ],
          "text": "prepend port"
        }
      },
      {
        "box": {
          "id": "obj-12",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            20.0,
            175.0,
            84.0,
            22.0
          ],
          "text": "reply port"
        }
      },
      {
        "box": {
          "id": "obj-13",
          "maxclass": "number",
          "maximum": 65535,
          "minimum": 1,
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "",
            "bang"
          ],
          "parameter_enable": 0,
          "patching_rect": [
            110.0,
            175.0,
            60.0,
            22.0
          ]
        }
      },
      {
        "box": {
          "id": "obj-14",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "int",
            "int"
          ],
          "patching_rect": [
            180.0,
            175.0,
            49.0,
            22.0
          ],
          "text": "t i i"
        }
      },
      {
        "box": {
          "id": "obj-15",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            260.0,
            200.0,
            98.0,
            22.0
          ],
          "text": "prepend port"
        }
      },
      {
        "box": {
          "id": "obj-16",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            180.0,
            225.0,
            210.0,
            22.0
          ],
          "text": "prepend /composer/reply_port"
        }
      },
      {
        "box": {
          "id": "obj-17",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            20.0,
            255.0,
            112.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            340.0,
            560.0,
            110.0,
            22.0
          ],
          "text": "/composer/ping"
        }
      },
      {
        "box": {
          "id": "obj-18",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            130.0,
            255.0,
            280.0,
            22.0
          ],
          "text": "<- is the server there? (answer below)"
        }
      },
      {
        "box": {
          "id": "obj-19",
          "maxclass": "button",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            "bang"
          ],
          "parameter_enable": 0,
          "patching_rect": [
            20.0,
            285.0,
            24.0,
            24.0
          ],
          "presentation": 1,
          "presentation_rect": [
            460.0,
            559.0,
            24.0,
            24.0
          ]
        }
      },
      {
        "box": {
          "id": "obj-20",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            50.0,
            287.0,
            406.0,
            22.0
          ],
          "text": "send every parameter again (after restarting the server)"
        }
      },
      {
        "box": {
          "id": "obj-21",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            50.0,
            287.0,
            175.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            488.0,
            560.0,
            170.0,
            20.0
          ],
          "text": "send all settings again"
        }
      },
      {
        "box": {
          "fontface": 1,
          "id": "obj-22",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            420.0,
            90.0,
            300.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            10.0,
            180.0,
            300.0,
            20.0
          ],
          "text": "PARAMETERS (sent as soon as they change)"
        }
      },
      {
        "box": {
          "id": "obj-23",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            420.0,
            115.0,
            91.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            10.0,
            204.0,
            90.0,
            20.0
          ],
          "text": "temperature"
        }
      },
      {
        "box": {
          "format": 6,
          "id": "obj-24",
          "maxclass": "flonum",
          "maximum": 5.0,
          "minimum": 0.05,
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "",
            "bang"
          ],
          "parameter_enable": 0,
          "patching_rect": [
            510.0,
            115.0,
            70.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            100.0,
            204.0,
            70.0,
            22.0
          ]
        }
      },
      {
        "box": {
          "id": "obj-25",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            620.0,
            115.0,
            259.0,
            22.0
          ],
          "text": "prepend /composer/param/temperature"
        }
      },
      {
        "box": {
          "id": "obj-26",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            880.0,
            115.0,
            330.0,
            22.0
          ],
          "text": "0.05..5: sampling temperature"
        }
      },
      {
        "box": {
          "id": "obj-27",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            880.0,
            115.0,
            150.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            176.0,
            204.0,
            150.0,
            20.0
          ],
          "text": "0.05..5"
        }
      },
      {
        "box": {
          "id": "obj-28",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            420.0,
            143.0,
            49.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            10.0,
            229.0,
            90.0,
            20.0
          ],
          "text": "top_k"
        }
      },
      {
        "box": {
          "id": "obj-29",
          "maxclass": "number",
          "maximum": 1000,
          "minimum": 0,
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "",
            "bang"
          ],
          "parameter_enable": 0,
          "patching_rect": [
            510.0,
            143.0,
            70.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            100.0,
            229.0,
            70.0,
            22.0
          ]
        }
      },
      {
        "box": {
          "id": "obj-30",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            620.0,
            143.0,
            217.0,
            22.0
          ],
          "text": "prepend /composer/param/top_k"
        }
      },
      {
        "box": {
          "id": "obj-31",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            880.0,
            143.0,
            330.0,
            22.0
          ],
          "text": "0..1000: sample only among the k likeliest events"
        }
      },
      {
        "box": {
          "id": "obj-32",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            880.0,
            143.0,
            150.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            176.0,
            229.0,
            150.0,
            20.0
          ],
          "text": "0..1000"
        }
      },
      {
        "box": {
          "id": "obj-33",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            420.0,
            171.0,
            49.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            10.0,
            254.0,
            90.0,
            20.0
          ],
          "text": "top_p"
        }
      },
      {
        "box": {
          "format": 6,
          "id": "obj-34",
          "maxclass": "flonum",
          "maximum": 1.0,
          "minimum": 0.01,
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "",
            "bang"
          ],
          "parameter_enable": 0,
          "patching_rect": [
            510.0,
            171.0,
            70.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            100.0,
            254.0,
            70.0,
            22.0
          ]
        }
      },
      {
        "box": {
          "id": "obj-35",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            620.0,
            171.0,
            217.0,
            22.0
          ],
          "text": "prepend /composer/param/top_p"
        }
      },
      {
        "box": {
          "id": "obj-36",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            880.0,
            171.0,
            330.0,
            22.0
          ],
          "text": "0.01..1: nucleus sampling"
        }
      },
      {
        "box": {
          "id": "obj-37",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            880.0,
            171.0,
            150.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            176.0,
            254.0,
            150.0,
            20.0
          ],
          "text": "0.01..1"
        }
      },
      {
        "box": {
          "id": "obj-38",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            420.0,
            199.0,
            56.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            10.0,
            279.0,
            90.0,
            20.0
          ],
          "text": "length"
        }
      },
      {
        "box": {
          "format": 6,
          "id": "obj-39",
          "maxclass": "flonum",
          "maximum": 64.0,
          "minimum": 0.25,
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "",
            "bang"
          ],
          "parameter_enable": 0,
          "patching_rect": [
            510.0,
            199.0,
            70.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            100.0,
            279.0,
            70.0,
            22.0
          ]
        }
      },
      {
        "box": {
          "id": "obj-40",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            620.0,
            199.0,
            224.0,
            22.0
          ],
          "text": "prepend /composer/param/length"
        }
      },
      {
        "box": {
          "id": "obj-41",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            880.0,
            199.0,
            330.0,
            22.0
          ],
          "text": "0.25..64: length of each continuation in beats"
        }
      },
      {
        "box": {
          "id": "obj-42",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            880.0,
            199.0,
            150.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            176.0,
            279.0,
            150.0,
            20.0
          ],
          "text": "0.25..64"
        }
      },
      {
        "box": {
          "id": "obj-43",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            420.0,
            227.0,
            84.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            10.0,
            304.0,
            90.0,
            20.0
          ],
          "text": "variations"
        }
      },
      {
        "box": {
          "id": "obj-44",
          "maxclass": "number",
          "maximum": 16,
          "minimum": 1,
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "",
            "bang"
          ],
          "parameter_enable": 0,
          "patching_rect": [
            510.0,
            227.0,
            70.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            100.0,
            304.0,
            70.0,
            22.0
          ]
        }
      },
      {
        "box": {
          "id": "obj-45",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            620.0,
            227.0,
            252.0,
            22.0
          ],
          "text": "prepend /composer/param/variations"
        }
      },
      {
        "box": {
          "id": "obj-46",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            880.0,
            227.0,
            330.0,
            22.0
          ],
          "text": "1..16: how many different continuations to return"
        }
      },
      {
        "box": {
          "id": "obj-47",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            880.0,
            227.0,
            150.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            176.0,
            304.0,
            150.0,
            20.0
          ],
          "text": "1..16"
        }
      },
      {
        "box": {
          "id": "obj-48",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            420.0,
            255.0,
            42.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            10.0,
            329.0,
            90.0,
            20.0
          ],
          "text": "seed"
        }
      },
      {
        "box": {
          "id": "obj-49",
          "maxclass": "number",
          "maximum": 2147483647,
          "minimum": -1,
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "",
            "bang"
          ],
          "parameter_enable": 0,
          "patching_rect": [
            510.0,
            255.0,
            70.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            100.0,
            329.0,
            70.0,
            22.0
          ]
        }
      },
      {
        "box": {
          "id": "obj-50",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            620.0,
            255.0,
            210.0,
            22.0
          ],
          "text": "prepend /composer/param/seed"
        }
      },
      {
        "box": {
          "id": "obj-51",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            880.0,
            255.0,
            330.0,
            22.0
          ],
          "text": "-1 = random: random seed for reproducible results"
        }
      },
      {
        "box": {
          "id": "obj-52",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            880.0,
            255.0,
            150.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            176.0,
            329.0,
            150.0,
            20.0
          ],
          "text": "-1 = random"
        }
      },
      {
        "box": {
          "id": "obj-53",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            420.0,
            283.0,
            35.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            10.0,
            354.0,
            90.0,
            20.0
          ],
          "text": "low"
        }
      },
      {
        "box": {
          "id": "obj-54",
          "maxclass": "number",
          "maximum": 127,
          "minimum": 0,
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "",
            "bang"
          ],
          "parameter_enable": 0,
          "patching_rect": [
            510.0,
            283.0,
            70.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            100.0,
            354.0,
            70.0,
            22.0
          ]
        }
      },
      {
        "box": {
          "id": "obj-55",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            620.0,
            283.0,
            203.0,
            22.0
          ],
          "text": "prepend /composer/param/low"
        }
      },
      {
        "box": {
          "id": "obj-56",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            880.0,
            283.0,
            330.0,
            22.0
          ],
          "text": "0..127: lowest pitch allowed"
        }
      },
      {
        "box": {
          "id": "obj-57",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            880.0,
            283.0,
            150.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            176.0,
            354.0,
            150.0,
            20.0
          ],
          "text": "0..127"
        }
      },
      {
        "box": {
          "id": "obj-58",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            420.0,
            311.0,
            42.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            10.0,
            379.0,
            90.0,
            20.0
          ],
          "text": "high"
        }
      },
      {
        "box": {
          "id": "obj-59",
          "maxclass": "number",
          "maximum": 127,
          "minimum": 0,
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "",
            "bang"
          ],
          "parameter_enable": 0,
          "patching_rect": [
            510.0,
            311.0,
            70.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            100.0,
            379.0,
            70.0,
            22.0
          ]
        }
      },
      {
        "box": {
          "id": "obj-60",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            620.0,
            311.0,
            210.0,
            22.0
          ],
          "text": "prepend /composer/param/high"
        }
      },
      {
        "box": {
          "id": "obj-61",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            880.0,
            311.0,
            330.0,
            22.0
          ],
          "text": "0..127: highest pitch allowed"
        }
      },
      {
        "box": {
          "id": "obj-62",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            880.0,
            311.0,
            150.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            176.0,
            379.0,
            150.0,
            20.0
          ],
          "text": "0..127"
        }
      },
      {
        "box": {
          "id": "obj-63",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            420.0,
            339.0,
            77.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            10.0,
            404.0,
            90.0,
            20.0
          ],
          "text": "polyphony"
        }
      },
      {
        "box": {
          "id": "obj-64",
          "maxclass": "number",
          "maximum": 16,
          "minimum": 1,
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "",
            "bang"
          ],
          "parameter_enable": 0,
          "patching_rect": [
            510.0,
            339.0,
            70.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            100.0,
            404.0,
            70.0,
            22.0
          ]
        }
      },
      {
        "box": {
          "id": "obj-65",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            620.0,
            339.0,
            245.0,
            22.0
          ],
          "text": "prepend /composer/param/polyphony"
        }
      },
      {
        "box": {
          "id": "obj-66",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            880.0,
            339.0,
            330.0,
            22.0
          ],
          "text": "1..16: most notes sounding at once"
        }
      },
      {
        "box": {
          "id": "obj-67",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            880.0,
            339.0,
            150.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            176.0,
            404.0,
            150.0,
            20.0
          ],
          "text": "1..16"
        }
      },
      {
        "box": {
          "id": "obj-68",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            420.0,
            367.0,
            42.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            10.0,
            429.0,
            90.0,
            20.0
          ],
          "text": "step"
        }
      },
      {
        "box": {
          "format": 6,
          "id": "obj-69",
          "maxclass": "flonum",
          "maximum": 16.0,
          "minimum": 0.041666666666666664,
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "",
            "bang"
          ],
          "parameter_enable": 0,
          "patching_rect": [
            510.0,
            367.0,
            70.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            100.0,
            429.0,
            70.0,
            22.0
          ]
        }
      },
      {
        "box": {
          "id": "obj-70",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            620.0,
            367.0,
            210.0,
            22.0
          ],
          "text": "prepend /composer/param/step"
        }
      },
      {
        "box": {
          "id": "obj-71",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            880.0,
            367.0,
            330.0,
            22.0
          ],
          "text": "0.0416667..16: beats per note for pitch-only seeds"
        }
      },
      {
        "box": {
          "id": "obj-72",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            880.0,
            367.0,
            150.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            176.0,
            429.0,
            150.0,
            20.0
          ],
          "text": "0.0416667..16"
        }
      },
      {
        "box": {
          "id": "obj-73",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            420.0,
            395.0,
            70.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            10.0,
            454.0,
            90.0,
            20.0
          ],
          "text": "velocity"
        }
      },
      {
        "box": {
          "id": "obj-74",
          "maxclass": "number",
          "maximum": 127,
          "minimum": 1,
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "",
            "bang"
          ],
          "parameter_enable": 0,
          "patching_rect": [
            510.0,
            395.0,
            70.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            100.0,
            454.0,
            70.0,
            22.0
          ]
        }
      },
      {
        "box": {
          "id": "obj-75",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            620.0,
            395.0,
            238.0,
            22.0
          ],
          "text": "prepend /composer/param/velocity"
        }
      },
      {
        "box": {
          "id": "obj-76",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            880.0,
            395.0,
            330.0,
            22.0
          ],
          "text": "1..127: velocity of notes in pitch-only seeds"
        }
      },
      {
        "box": {
          "id": "obj-77",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            880.0,
            395.0,
            150.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            176.0,
            454.0,
            150.0,
            20.0
          ],
          "text": "1..127"
        }
      },
      {
        "box": {
          "id": "obj-78",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            420.0,
            423.0,
            56.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            10.0,
            479.0,
            90.0,
            20.0
          ],
          "text": "voices"
        }
      },
      {
        "box": {
          "id": "obj-79",
          "maxclass": "number",
          "maximum": 4,
          "minimum": 0,
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "",
            "bang"
          ],
          "parameter_enable": 0,
          "patching_rect": [
            510.0,
            423.0,
            70.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            100.0,
            479.0,
            70.0,
            22.0
          ]
        }
      },
      {
        "box": {
          "id": "obj-80",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            620.0,
            423.0,
            224.0,
            22.0
          ],
          "text": "prepend /composer/param/voices"
        }
      },
      {
        "box": {
          "id": "obj-81",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            880.0,
            423.0,
            330.0,
            22.0
          ],
          "text": "0..4: notes sounding at once, at most"
        }
      },
      {
        "box": {
          "id": "obj-82",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            880.0,
            423.0,
            150.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            176.0,
            479.0,
            150.0,
            20.0
          ],
          "text": "0..4"
        }
      },
      {
        "box": {
          "id": "obj-83",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            420.0,
            451.0,
            63.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            10.0,
            504.0,
            90.0,
            20.0
          ],
          "text": "density"
        }
      },
      {
        "box": {
          "id": "obj-84",
          "maxclass": "number",
          "maximum": 5,
          "minimum": 0,
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "",
            "bang"
          ],
          "parameter_enable": 0,
          "patching_rect": [
            510.0,
            451.0,
            70.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            100.0,
            504.0,
            70.0,
            22.0
          ]
        }
      },
      {
        "box": {
          "id": "obj-85",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            620.0,
            451.0,
            231.0,
            22.0
          ],
          "text": "prepend /composer/param/density"
        }
      },
      {
        "box": {
          "id": "obj-86",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            880.0,
            451.0,
            330.0,
            22.0
          ],
          "text": "0..5: note onsets per beat"
        }
      },
      {
        "box": {
          "id": "obj-87",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            880.0,
            451.0,
            150.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            176.0,
            504.0,
            150.0,
            20.0
          ],
          "text": "0..5"
        }
      },
      {
        "box": {
          "id": "obj-88",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            420.0,
            479.0,
            35.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            10.0,
            529.0,
            90.0,
            20.0
          ],
          "text": "key"
        }
      },
      {
        "box": {
          "id": "obj-89",
          "items": [
            "C",
            ",",
            "Db",
            ",",
            "D",
            ",",
            "Eb",
            ",",
            "E",
            ",",
            "F",
            ",",
            "Gb",
            ",",
            "G",
            ",",
            "Ab",
            ",",
            "A",
            ",",
            "Bb",
            ",",
            "B"
          ],
          "maxclass": "umenu",
          "numinlets": 1,
          "numoutlets": 3,
          "outlettype": [
            "int",
            "",
            ""
          ],
          "parameter_enable": 0,
          "patching_rect": [
            510.0,
            479.0,
            70.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            100.0,
            529.0,
            70.0,
            22.0
          ]
        }
      },
      {
        "box": {
          "id": "obj-90",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            620.0,
            479.0,
            203.0,
            22.0
          ],
          "text": "prepend /composer/param/key"
        }
      },
      {
        "box": {
          "id": "obj-91",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            880.0,
            479.0,
            330.0,
            22.0
          ],
          "text": "tonic of the scale (sent as 0-11)"
        }
      },
      {
        "box": {
          "id": "obj-92",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            420.0,
            507.0,
            49.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            10.0,
            554.0,
            90.0,
            20.0
          ],
          "text": "scale"
        }
      },
      {
        "box": {
          "id": "obj-93",
          "items": [
            "chromatic",
            ",",
            "major",
            ",",
            "minor",
            ",",
            "harmonic_minor",
            ",",
            "melodic_minor",
            ",",
            "dorian",
            ",",
            "phrygian",
            ",",
            "lydian",
            ",",
            "mixolydian",
            ",",
            "locrian",
            ",",
            "major_pentatonic",
            ",",
            "minor_pentatonic",
            ",",
            "blues",
            ",",
            "whole_tone"
          ],
          "maxclass": "umenu",
          "numinlets": 1,
          "numoutlets": 3,
          "outlettype": [
            "int",
            "",
            ""
          ],
          "parameter_enable": 0,
          "patching_rect": [
            510.0,
            507.0,
            100.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            100.0,
            554.0,
            130.0,
            22.0
          ]
        }
      },
      {
        "box": {
          "id": "obj-94",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            620.0,
            507.0,
            217.0,
            22.0
          ],
          "text": "prepend /composer/param/scale"
        }
      },
      {
        "box": {
          "id": "obj-95",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            880.0,
            507.0,
            330.0,
            22.0
          ],
          "text": "scale constraint (chromatic = none)"
        }
      },
      {
        "box": {
          "id": "obj-96",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            420.0,
            535.0,
            49.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            10.0,
            579.0,
            90.0,
            20.0
          ],
          "text": "style"
        }
      },
      {
        "box": {
          "id": "obj-97",
          "items": [
            "auto",
            ",",
            "air",
            ",",
            "chorale",
            ",",
            "chorale-bass",
            ",",
            "chorale-melody",
            ",",
            "dance"
          ],
          "maxclass": "umenu",
          "numinlets": 1,
          "numoutlets": 3,
          "outlettype": [
            "int",
            "",
            ""
          ],
          "parameter_enable": 0,
          "patching_rect": [
            510.0,
            535.0,
            100.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            100.0,
            579.0,
            130.0,
            22.0
          ]
        }
      },
      {
        "box": {
          "id": "obj-98",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            620.0,
            535.0,
            217.0,
            22.0
          ],
          "text": "prepend /composer/param/style"
        }
      },
      {
        "box": {
          "id": "obj-99",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            880.0,
            535.0,
            330.0,
            22.0
          ],
          "text": "style to continue in (auto = the seed's)"
        }
      },
      {
        "box": {
          "id": "obj-100",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            "bang"
          ],
          "patching_rect": [
            20.0,
            330.0,
            70.0,
            22.0
          ],
          "text": "loadbang"
        }
      },
      {
        "box": {
          "id": "obj-101",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 18,
          "outlettype": [
            "bang",
            "bang",
            "bang",
            "bang",
            "bang",
            "bang",
            "bang",
            "bang",
            "bang",
            "bang",
            "bang",
            "bang",
            "bang",
            "bang",
            "bang",
            "bang",
            "bang",
            "bang"
          ],
          "patching_rect": [
            20.0,
            355.0,
            273.0,
            22.0
          ],
          "text": "t b b b b b b b b b b b b b b b b b b"
        }
      },
      {
        "box": {
          "id": "obj-102",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            20.0,
            385.0,
            38.0,
            22.0
          ],
          "text": "9000"
        }
      },
      {
        "box": {
          "id": "obj-103",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            60.0,
            385.0,
            38.0,
            22.0
          ],
          "text": "9001"
        }
      },
      {
        "box": {
          "id": "obj-104",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            100.0,
            385.0,
            38.0,
            22.0
          ],
          "text": "1."
        }
      },
      {
        "box": {
          "id": "obj-105",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            140.0,
            385.0,
            38.0,
            22.0
          ],
          "text": "0"
        }
      },
      {
        "box": {
          "id": "obj-106",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            180.0,
            385.0,
            38.0,
            22.0
          ],
          "text": "1."
        }
      },
      {
        "box": {
          "id": "obj-107",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            220.0,
            385.0,
            38.0,
            22.0
          ],
          "text": "8."
        }
      },
      {
        "box": {
          "id": "obj-108",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            260.0,
            385.0,
            38.0,
            22.0
          ],
          "text": "1"
        }
      },
      {
        "box": {
          "id": "obj-109",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            300.0,
            385.0,
            38.0,
            22.0
          ],
          "text": "-1"
        }
      },
      {
        "box": {
          "id": "obj-110",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            340.0,
            385.0,
            38.0,
            22.0
          ],
          "text": "0"
        }
      },
      {
        "box": {
          "id": "obj-111",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            380.0,
            385.0,
            38.0,
            22.0
          ],
          "text": "127"
        }
      },
      {
        "box": {
          "id": "obj-112",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            420.0,
            385.0,
            38.0,
            22.0
          ],
          "text": "8"
        }
      },
      {
        "box": {
          "id": "obj-113",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            460.0,
            385.0,
            38.0,
            22.0
          ],
          "text": "0.5"
        }
      },
      {
        "box": {
          "id": "obj-114",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            500.0,
            385.0,
            38.0,
            22.0
          ],
          "text": "100"
        }
      },
      {
        "box": {
          "id": "obj-115",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            540.0,
            385.0,
            38.0,
            22.0
          ],
          "text": "0"
        }
      },
      {
        "box": {
          "id": "obj-116",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            580.0,
            385.0,
            38.0,
            22.0
          ],
          "text": "0"
        }
      },
      {
        "box": {
          "id": "obj-117",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            620.0,
            385.0,
            38.0,
            22.0
          ],
          "text": "0"
        }
      },
      {
        "box": {
          "id": "obj-118",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            660.0,
            385.0,
            38.0,
            22.0
          ],
          "text": "0"
        }
      },
      {
        "box": {
          "id": "obj-119",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            700.0,
            385.0,
            38.0,
            22.0
          ],
          "text": "0"
        }
      },
      {
        "box": {
          "id": "obj-120",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 17,
          "outlettype": [
            "bang",
            "bang",
            "bang",
            "bang",
            "bang",
            "bang",
            "bang",
            "bang",
            "bang",
            "bang",
            "bang",
            "bang",
            "bang",
            "bang",
            "bang",
            "bang",
            "bang"
          ],
          "patching_rect": [
            20.0,
            415.0,
            259.0,
            22.0
          ],
          "text": "t b b b b b b b b b b b b b b b b b"
        }
      },
      {
        "box": {
          "fontface": 1,
          "id": "obj-121",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            20.0,
            470.0,
            380.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            10.0,
            44.0,
            320.0,
            20.0
          ],
          "text": "SEED: pitch velocity start duration (beats)"
        }
      },
      {
        "box": {
          "coll_data": {
            "count": 7,
            "data": [
              {
                "key": 1,
                "value": [
                  60,
                  100,
                  0.0,
                  0.5
                ]
              },
              {
                "key": 2,
                "value": [
                  62,
                  90,
                  0.5,
                  0.5
                ]
              },
              {
                "key": 3,
                "value": [
                  64,
                  100,
                  1.0,
                  0.5
                ]
              },
              {
                "key": 4,
                "value": [
                  65,
                  90,
                  1.5,
                  0.5
                ]
              },
              {
                "key": 5,
                "value": [
                  67,
                  110,
                  2.0,
                  1.0
                ]
              },
              {
                "key": 6,
                "value": [
                  65,
                  90,
                  3.0,
                  0.5
                ]
              },
              {
                "key": 7,
                "value": [
                  64,
                  100,
                  3.5,
                  0.5
                ]
              }
            ]
          },
          "id": "obj-122",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 4,
          "outlettype": [
            "",
            "",
            "",
            "bang"
          ],
          "patching_rect": [
            20.0,
            800.0,
            168.0,
            22.0
          ],
          "saved_object_attributes": {
            "embed": 1,
            "precision": 6
          },
          "text": "coll osc-composer-seed"
        }
      },
      {
        "box": {
          "id": "obj-123",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            20.0,
            495.0,
            91.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            10.0,
            68.0,
            90.0,
            20.0
          ],
          "text": "phrase bank"
        }
      },
      {
        "box": {
          "id": "obj-124",
          "items": [
            "C major line",
            ",",
            "A minor arpeggio",
            ",",
            "C blues riff",
            ",",
            "chords I-ii"
          ],
          "maxclass": "umenu",
          "numinlets": 1,
          "numoutlets": 3,
          "outlettype": [
            "int",
            "",
            ""
          ],
          "parameter_enable": 0,
          "patching_rect": [
            110.0,
            495.0,
            150.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            100.0,
            68.0,
            160.0,
            22.0
          ]
        }
      },
      {
        "box": {
          "id": "obj-125",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 5,
          "outlettype": [
            "bang",
            "bang",
            "bang",
            "bang",
            ""
          ],
          "patching_rect": [
            270.0,
            495.0,
            91.0,
            22.0
          ],
          "text": "sel 0 1 2 3"
        }
      },
      {
        "box": {
          "id": "obj-126",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            20.0,
            525.0,
            380.0,
            22.0
          ],
          "text": "60 100 0. 0.5 62 90 0.5 0.5 64 100 1. 0.5 65 90 1.5 0.5 67 110 2. 1. 65 90 3. 0.5 64 100 3.5 0.5"
        }
      },
      {
        "box": {
          "id": "obj-127",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            20.0,
            551.0,
            380.0,
            22.0
          ],
          "text": "57 100 0. 0.5 60 90 0.5 0.5 64 95 1. 0.5 69 110 1.5 1. 64 90 2.5 0.5 60 85 3. 1."
        }
      },
      {
        "box": {
          "id": "obj-128",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            20.0,
            577.0,
            380.0,
            22.0
          ],
          "text": "60 110 0. 0.75 63 90 0.75 0.25 65 100 1. 0.5 66 95 1.5 0.5 67 110 2. 1. 70 90 3. 0.5 67 85 3.5 0.5"
        }
      },
      {
        "box": {
          "id": "obj-129",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            20.0,
            603.0,
            380.0,
            22.0
          ],
          "text": "60 90 0. 2. 64 85 0. 2. 67 85 0. 2. 62 90 2. 2. 65 85 2. 2. 69 85 2. 2."
        }
      },
      {
        "box": {
          "id": "obj-130",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            20.0,
            630.0,
            380.0,
            22.0
          ],
          "text": "or click one of the phrases above (edit them freely)"
        }
      },
      {
        "box": {
          "id": "obj-131",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 3,
          "outlettype": [
            "bang",
            "",
            "bang"
          ],
          "patching_rect": [
            20.0,
            655.0,
            63.0,
            22.0
          ],
          "text": "t b l b"
        }
      },
      {
        "box": {
          "id": "obj-132",
          "maxclass": "newobj",
          "numinlets": 2,
          "numoutlets": 2,
          "outlettype": [
            "",
            ""
          ],
          "patching_rect": [
            120.0,
            685.0,
            77.0,
            22.0
          ],
          "text": "zl.iter 4"
        }
      },
      {
        "box": {
          "id": "obj-133",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "bang",
            ""
          ],
          "patching_rect": [
            120.0,
            715.0,
            49.0,
            22.0
          ],
          "text": "t b l"
        }
      },
      {
        "box": {
          "id": "obj-134",
          "maxclass": "newobj",
          "numinlets": 2,
          "numoutlets": 2,
          "outlettype": [
            "",
            ""
          ],
          "patching_rect": [
            120.0,
            770.0,
            63.0,
            22.0
          ],
          "text": "zl.join"
        }
      },
      {
        "box": {
          "id": "obj-135",
          "maxclass": "newobj",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            "int"
          ],
          "patching_rect": [
            220.0,
            715.0,
            35.0,
            22.0
          ],
          "text": "i 1"
        }
      },
      {
        "box": {
          "id": "obj-136",
          "maxclass": "newobj",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            "int"
          ],
          "patching_rect": [
            260.0,
            740.0,
            35.0,
            22.0
          ],
          "text": "+ 1"
        }
      },
      {
        "box": {
          "id": "obj-137",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "bang",
            "bang"
          ],
          "patching_rect": [
            300.0,
            655.0,
            49.0,
            22.0
          ],
          "text": "t b b"
        }
      },
      {
        "box": {
          "id": "obj-138",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            300.0,
            685.0,
            49.0,
            22.0
          ],
          "text": "clear"
        }
      },
      {
        "box": {
          "id": "obj-139",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            360.0,
            685.0,
            34.0,
            22.0
          ],
          "text": "1"
        }
      },
      {
        "box": {
          "id": "obj-140",
          "maxclass": "button",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            "bang"
          ],
          "parameter_enable": 0,
          "patching_rect": [
            420.0,
            830.0,
            24.0,
            24.0
          ],
          "presentation": 1,
          "presentation_rect": [
            10.0,
            124.0,
            24.0,
            24.0
          ]
        }
      },
      {
        "box": {
          "id": "obj-141",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            450.0,
            832.0,
            77.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            38.0,
            126.0,
            80.0,
            20.0
          ],
          "text": "send seed"
        }
      },
      {
        "box": {
          "id": "obj-142",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            20.0,
            830.0,
            42.0,
            22.0
          ],
          "text": "dump"
        }
      },
      {
        "box": {
          "id": "obj-143",
          "maxclass": "newobj",
          "numinlets": 2,
          "numoutlets": 2,
          "outlettype": [
            "",
            ""
          ],
          "patching_rect": [
            20.0,
            860.0,
            217.0,
            22.0
          ],
          "text": "zl.group 4096 @zlmaxsize 4096"
        }
      },
      {
        "box": {
          "id": "obj-144",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            20.0,
            890.0,
            210.0,
            22.0
          ],
          "text": "prepend /composer/seed/notes"
        }
      },
      {
        "box": {
          "id": "obj-145",
          "maxclass": "button",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            "bang"
          ],
          "parameter_enable": 0,
          "patching_rect": [
            540.0,
            830.0,
            24.0,
            24.0
          ],
          "presentation": 1,
          "presentation_rect": [
            130.0,
            124.0,
            24.0,
            24.0
          ]
        }
      },
      {
        "box": {
          "id": "obj-146",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            570.0,
            832.0,
            84.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            158.0,
            126.0,
            80.0,
            20.0
          ],
          "text": "clear seed"
        }
      },
      {
        "box": {
          "id": "obj-147",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "bang",
            "bang"
          ],
          "patching_rect": [
            540.0,
            860.0,
            49.0,
            22.0
          ],
          "text": "t b b"
        }
      },
      {
        "box": {
          "id": "obj-148",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            540.0,
            890.0,
            154.0,
            22.0
          ],
          "text": "/composer/seed/clear"
        }
      },
      {
        "box": {
          "id": "obj-149",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            20.0,
            940.0,
            520.0,
            22.0
          ],
          "text": "RECORD from MIDI in (the first note starts at beat 0; switch off to send)"
        }
      },
      {
        "box": {
          "id": "obj-150",
          "maxclass": "toggle",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            "int"
          ],
          "parameter_enable": 0,
          "patching_rect": [
            20.0,
            965.0,
            24.0,
            24.0
          ],
          "presentation": 1,
          "presentation_rect": [
            10.0,
            96.0,
            24.0,
            24.0
          ]
        }
      },
      {
        "box": {
          "id": "obj-151",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            50.0,
            965.0,
            240.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            38.0,
            98.0,
            240.0,
            20.0
          ],
          "text": "RECORD from MIDI in (off: send)"
        }
      },
      {
        "box": {
          "id": "obj-152",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 3,
          "outlettype": [
            "bang",
            "bang",
            ""
          ],
          "patching_rect": [
            60.0,
            965.0,
            63.0,
            22.0
          ],
          "text": "sel 1 0"
        }
      },
      {
        "box": {
          "id": "obj-153",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 3,
          "outlettype": [
            "bang",
            "bang",
            "bang"
          ],
          "patching_rect": [
            60.0,
            995.0,
            63.0,
            22.0
          ],
          "text": "t b b b"
        }
      },
      {
        "box": {
          "id": "obj-154",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 4,
          "outlettype": [
            "",
            "",
            "",
            "bang"
          ],
          "patching_rect": [
            420.0,
            1170.0,
            42.0,
            22.0
          ],
          "text": "coll"
        }
      },
      {
        "box": {
          "id": "obj-155",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            160.0,
            1025.0,
            49.0,
            22.0
          ],
          "text": "clear"
        }
      },
      {
        "box": {
          "id": "obj-156",
          "maxclass": "newobj",
          "numinlets": 2,
          "numoutlets": 2,
          "outlettype": [
            "bang",
            "bang"
          ],
          "patching_rect": [
            300.0,
            1080.0,
            77.0,
            22.0
          ],
          "text": "onebang 1"
        }
      },
      {
        "box": {
          "id": "obj-157",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 3,
          "outlettype": [
            "int",
            "int",
            "int"
          ],
          "patching_rect": [
            300.0,
            965.0,
            56.0,
            22.0
          ],
          "text": "notein"
        }
      },
      {
        "box": {
          "id": "obj-158",
          "maxclass": "newobj",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            300.0,
            1020.0,
            42.0,
            22.0
          ],
          "text": "gate"
        }
      },
      {
        "box": {
          "id": "obj-159",
          "maxclass": "newobj",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            300.0,
            995.0,
            70.0,
            22.0
          ],
          "text": "pack 0 0"
        }
      },
      {
        "box": {
          "id": "obj-160",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            300.0,
            1050.0,
            49.0,
            22.0
          ],
          "text": "$2 $1"
        }
      },
      {
        "box": {
          "id": "obj-161",
          "maxclass": "newobj",
          "numinlets": 2,
          "numoutlets": 2,
          "outlettype": [
            "",
            ""
          ],
          "patching_rect": [
            360.0,
            1050.0,
            63.0,
            22.0
          ],
          "text": "route 0"
        }
      },
      {
        "box": {
          "id": "obj-162",
          "maxclass": "newobj",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            "float"
          ],
          "patching_rect": [
            300.0,
            1140.0,
            49.0,
            22.0
          ],
          "text": "timer"
        }
      },
      {
        "box": {
          "id": "obj-163",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 3,
          "outlettype": [
            "",
            "bang",
            "bang"
          ],
          "patching_rect": [
            480.0,
            1080.0,
            63.0,
            22.0
          ],
          "text": "t l b b"
        }
      },
      {
        "box": {
          "id": "obj-164",
          "maxclass": "newobj",
          "numinlets": 3,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            480.0,
            1170.0,
            91.0,
            22.0
          ],
          "text": "pack 0 0 0."
        }
      },
      {
        "box": {
          "id": "obj-165",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "int",
            "int"
          ],
          "patching_rect": [
            480.0,
            1110.0,
            84.0,
            22.0
          ],
          "text": "unpack 0 0"
        }
      },
      {
        "box": {
          "id": "obj-166",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            480.0,
            1200.0,
            70.0,
            22.0
          ],
          "text": "$2 $1 $3"
        }
      },
      {
        "box": {
          "id": "obj-167",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 3,
          "outlettype": [
            "int",
            "bang",
            "int"
          ],
          "patching_rect": [
            640.0,
            1080.0,
            63.0,
            22.0
          ],
          "text": "t i b i"
        }
      },
      {
        "box": {
          "id": "obj-168",
          "maxclass": "newobj",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            "float"
          ],
          "patching_rect": [
            640.0,
            1140.0,
            49.0,
            22.0
          ],
          "text": "timer"
        }
      },
      {
        "box": {
          "id": "obj-169",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "int",
            "float"
          ],
          "patching_rect": [
            420.0,
            1230.0,
            91.0,
            22.0
          ],
          "text": "unpack 0 0."
        }
      },
      {
        "box": {
          "id": "obj-170",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "float",
            "float"
          ],
          "patching_rect": [
            500.0,
            1260.0,
            49.0,
            22.0
          ],
          "text": "t f f"
        }
      },
      {
        "box": {
          "id": "obj-171",
          "maxclass": "newobj",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            "float"
          ],
          "patching_rect": [
            640.0,
            1290.0,
            42.0,
            22.0
          ],
          "text": "- 0."
        }
      },
      {
        "box": {
          "id": "obj-172",
          "maxclass": "newobj",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            "float"
          ],
          "patching_rect": [
            500.0,
            1320.0,
            56.0,
            22.0
          ],
          "text": "/ 500."
        }
      },
      {
        "box": {
          "id": "obj-173",
          "maxclass": "newobj",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            "float"
          ],
          "patching_rect": [
            640.0,
            1320.0,
            56.0,
            22.0
          ],
          "text": "/ 500."
        }
      },
      {
        "box": {
          "id": "obj-174",
          "maxclass": "newobj",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            "float"
          ],
          "patching_rect": [
            760.0,
            1320.0,
            77.0,
            22.0
          ],
          "text": "!/ 60000."
        }
      },
      {
        "box": {
          "id": "obj-175",
          "maxclass": "newobj",
          "numinlets": 4,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            420.0,
            1360.0,
            112.0,
            22.0
          ],
          "text": "pack 0 0 0. 0."
        }
      },
      {
        "box": {
          "id": "obj-176",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "int",
            "int"
          ],
          "patching_rect": [
            760.0,
            1110.0,
            49.0,
            22.0
          ],
          "text": "t i i"
        }
      },
      {
        "box": {
          "id": "obj-177",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            760.0,
            1140.0,
            112.0,
            22.0
          ],
          "text": "prepend remove"
        }
      },
      {
        "box": {
          "id": "obj-178",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            820.0,
            1140.0,
            34.0,
            22.0
          ],
          "text": "0"
        }
      },
      {
        "box": {
          "id": "obj-179",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "",
            ""
          ],
          "patching_rect": [
            420.0,
            1390.0,
            49.0,
            22.0
          ],
          "text": "t l l"
        }
      },
      {
        "box": {
          "id": "obj-180",
          "maxclass": "newobj",
          "numinlets": 2,
          "numoutlets": 2,
          "outlettype": [
            "",
            ""
          ],
          "patching_rect": [
            520.0,
            1420.0,
            70.0,
            22.0
          ],
          "text": "zl.nth 2"
        }
      },
      {
        "box": {
          "id": "obj-181",
          "maxclass": "newobj",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            "int"
          ],
          "patching_rect": [
            520.0,
            1450.0,
            35.0,
            22.0
          ],
          "text": "> 0"
        }
      },
      {
        "box": {
          "id": "obj-182",
          "maxclass": "newobj",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            420.0,
            1480.0,
            42.0,
            22.0
          ],
          "text": "gate"
        }
      },
      {
        "box": {
          "fontface": 1,
          "id": "obj-183",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            1240.0,
            90.0,
            133.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            340.0,
            44.0,
            200.0,
            20.0
          ],
          "text": "GENERATE AND PLAY"
        }
      },
      {
        "box": {
          "id": "obj-184",
          "maxclass": "button",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            "bang"
          ],
          "parameter_enable": 0,
          "patching_rect": [
            1240.0,
            115.0,
            48.0,
            48.0
          ],
          "presentation": 1,
          "presentation_rect": [
            340.0,
            68.0,
            48.0,
            48.0
          ]
        }
      },
      {
        "box": {
          "fontface": 1,
          "id": "obj-185",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            1295.0,
            128.0,
            70.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            394.0,
            82.0,
            100.0,
            20.0
          ],
          "text": "GENERATE"
        }
      },
      {
        "box": {
          "id": "obj-186",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "bang",
            "bang"
          ],
          "patching_rect": [
            1240.0,
            175.0,
            49.0,
            22.0
          ],
          "text": "t b b"
        }
      },
      {
        "box": {
          "id": "obj-187",
          "maxclass": "newobj",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            "int"
          ],
          "patching_rect": [
            1240.0,
            205.0,
            34.0,
            22.0
          ],
          "text": "i"
        }
      },
      {
        "box": {
          "id": "obj-188",
          "maxclass": "newobj",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            "int"
          ],
          "patching_rect": [
            1280.0,
            205.0,
            35.0,
            22.0
          ],
          "text": "+ 1"
        }
      },
      {
        "box": {
          "id": "obj-189",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1240.0,
            235.0,
            196.0,
            22.0
          ],
          "text": "prepend /composer/generate"
        }
      },
      {
        "box": {
          "id": "obj-190",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            1240.0,
            270.0,
            91.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            340.0,
            124.0,
            100.0,
            20.0
          ],
          "text": "tempo (BPM)"
        }
      },
      {
        "box": {
          "format": 6,
          "id": "obj-191",
          "maxclass": "flonum",
          "maximum": 400.0,
          "minimum": 20.0,
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "",
            "bang"
          ],
          "parameter_enable": 0,
          "patching_rect": [
            1340.0,
            270.0,
            60.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            440.0,
            124.0,
            60.0,
            22.0
          ]
        }
      },
      {
        "box": {
          "id": "obj-192",
          "maxclass": "newobj",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            "float"
          ],
          "patching_rect": [
            1410.0,
            270.0,
            77.0,
            22.0
          ],
          "text": "!/ 60000."
        }
      },
      {
        "box": {
          "id": "obj-193",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            1240.0,
            298.0,
            112.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            340.0,
            149.0,
            100.0,
            20.0
          ],
          "text": "play variation"
        }
      },
      {
        "box": {
          "id": "obj-194",
          "maxclass": "number",
          "maximum": 15,
          "minimum": 0,
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "",
            "bang"
          ],
          "parameter_enable": 0,
          "patching_rect": [
            1340.0,
            298.0,
            60.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            440.0,
            149.0,
            60.0,
            22.0
          ]
        }
      },
      {
        "box": {
          "id": "obj-195",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            1240.0,
            326.0,
            98.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            340.0,
            174.0,
            100.0,
            20.0
          ],
          "text": "MIDI channel"
        }
      },
      {
        "box": {
          "id": "obj-196",
          "maxclass": "number",
          "maximum": 16,
          "minimum": 1,
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "",
            "bang"
          ],
          "parameter_enable": 0,
          "patching_rect": [
            1340.0,
            326.0,
            60.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            440.0,
            174.0,
            60.0,
            22.0
          ]
        }
      },
      {
        "box": {
          "id": "obj-197",
          "maxclass": "button",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            "bang"
          ],
          "parameter_enable": 0,
          "patching_rect": [
            1240.0,
            356.0,
            24.0,
            24.0
          ],
          "presentation": 1,
          "presentation_rect": [
            520.0,
            124.0,
            24.0,
            24.0
          ]
        }
      },
      {
        "box": {
          "id": "obj-198",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            1270.0,
            358.0,
            84.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            548.0,
            126.0,
            100.0,
            20.0
          ],
          "text": "stop notes"
        }
      },
      {
        "box": {
          "id": "obj-199",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1420.0,
            300.0,
            40.0,
            22.0
          ],
          "text": "120."
        }
      },
      {
        "box": {
          "id": "obj-200",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1420.0,
            328.0,
            40.0,
            22.0
          ],
          "text": "0"
        }
      },
      {
        "box": {
          "id": "obj-201",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1420.0,
            356.0,
            40.0,
            22.0
          ],
          "text": "1"
        }
      },
      {
        "box": {
          "id": "obj-202",
          "maxclass": "newobj",
          "numinlets": 7,
          "numoutlets": 7,
          "outlettype": [
            "",
            "",
            "",
            "",
            "",
            "",
            ""
          ],
          "patching_rect": [
            900.0,
            150.0,
            721.0,
            22.0
          ],
          "text": "route /composer/begin /composer/note /composer/end /composer/error /composer/seed/size /composer/pong"
        }
      },
      {
        "box": {
          "id": "obj-203",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1240.0,
            420.0,
            330.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            340.0,
            226.0,
            320.0,
            22.0
          ],
          "text": "idle"
        }
      },
      {
        "box": {
          "id": "obj-204",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            1240.0,
            398.0,
            56.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            340.0,
            206.0,
            100.0,
            20.0
          ],
          "text": "status"
        }
      },
      {
        "box": {
          "id": "obj-205",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1240.0,
            480.0,
            330.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            340.0,
            270.0,
            320.0,
            22.0
          ],
          "text": "none"
        }
      },
      {
        "box": {
          "id": "obj-206",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            1240.0,
            458.0,
            84.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            340.0,
            250.0,
            100.0,
            20.0
          ],
          "text": "last error"
        }
      },
      {
        "box": {
          "id": "obj-207",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1240.0,
            540.0,
            330.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            340.0,
            314.0,
            320.0,
            22.0
          ],
          "text": "no seed yet"
        }
      },
      {
        "box": {
          "id": "obj-208",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            1240.0,
            518.0,
            91.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            340.0,
            294.0,
            100.0,
            20.0
          ],
          "text": "server seed"
        }
      },
      {
        "box": {
          "id": "obj-209",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1240.0,
            600.0,
            330.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            340.0,
            358.0,
            320.0,
            22.0
          ],
          "text": "ping to check the server"
        }
      },
      {
        "box": {
          "id": "obj-210",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            1240.0,
            578.0,
            56.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            340.0,
            338.0,
            100.0,
            20.0
          ],
          "text": "server"
        }
      },
      {
        "box": {
          "id": "obj-211",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1340.0,
            175.0,
            189.0,
            22.0
          ],
          "text": "set asking the server ..."
        }
      },
      {
        "box": {
          "id": "obj-212",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            900.0,
            200.0,
            329.0,
            22.0
          ],
          "text": "set request $1: $2 variation(s) over $3 beats"
        }
      },
      {
        "box": {
          "id": "obj-213",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            900.0,
            230.0,
            273.0,
            22.0
          ],
          "text": "set request $1 variation $2: $3 notes"
        }
      },
      {
        "box": {
          "id": "obj-214",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            900.0,
            260.0,
            91.0,
            22.0
          ],
          "text": "prepend set"
        }
      },
      {
        "box": {
          "id": "obj-215",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            900.0,
            290.0,
            196.0,
            22.0
          ],
          "text": "set $1 notes over $2 beats"
        }
      },
      {
        "box": {
          "id": "obj-216",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            900.0,
            320.0,
            238.0,
            22.0
          ],
          "text": "set connected to osc-composer $1"
        }
      },
      {
        "box": {
          "id": "obj-217",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 0,
          "outlettype": [],
          "patching_rect": [
            1100.0,
            200.0,
            140.0,
            22.0
          ],
          "text": "print osc-composer"
        }
      },
      {
        "box": {
          "fontface": 1,
          "id": "obj-218",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            1240.0,
            660.0,
            400.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            680.0,
            44.0,
            310.0,
            20.0
          ],
          "text": "LIVE PLAY (call and response; the server plays at your clock)"
        }
      },
      {
        "box": {
          "id": "obj-219",
          "maxclass": "toggle",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            "int"
          ],
          "parameter_enable": 0,
          "patching_rect": [
            1240.0,
            685.0,
            24.0,
            24.0
          ],
          "presentation": 1,
          "presentation_rect": [
            680.0,
            68.0,
            24.0,
            24.0
          ]
        }
      },
      {
        "box": {
          "id": "obj-220",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            1270.0,
            687.0,
            300.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            708.0,
            70.0,
            280.0,
            20.0
          ],
          "text": "LIVE: send MIDI in as /composer/live/note"
        }
      },
      {
        "box": {
          "id": "obj-221",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 3,
          "outlettype": [
            "int",
            "int",
            "int"
          ],
          "patching_rect": [
            1540.0,
            685.0,
            56.0,
            22.0
          ],
          "text": "notein"
        }
      },
      {
        "box": {
          "id": "obj-222",
          "maxclass": "newobj",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1540.0,
            715.0,
            70.0,
            22.0
          ],
          "text": "pack 0 0"
        }
      },
      {
        "box": {
          "id": "obj-223",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1540.0,
            745.0,
            203.0,
            22.0
          ],
          "text": "prepend /composer/live/note"
        }
      },
      {
        "box": {
          "id": "obj-224",
          "maxclass": "newobj",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1540.0,
            775.0,
            42.0,
            22.0
          ],
          "text": "gate"
        }
      },
      {
        "box": {
          "id": "obj-225",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1240.0,
            720.0,
            168.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            680.0,
            98.0,
            150.0,
            22.0
          ],
          "text": "/composer/live/respond"
        }
      },
      {
        "box": {
          "id": "obj-226",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1370.0,
            720.0,
            154.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            835.0,
            98.0,
            150.0,
            22.0
          ],
          "text": "/composer/live/clear"
        }
      },
      {
        "box": {
          "id": "obj-227",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1500.0,
            720.0,
            112.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            680.0,
            124.0,
            150.0,
            22.0
          ],
          "text": "/composer/play"
        }
      },
      {
        "box": {
          "id": "obj-228",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1630.0,
            720.0,
            147.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            835.0,
            124.0,
            150.0,
            22.0
          ],
          "text": "/composer/play/stop"
        }
      },
      {
        "box": {
          "id": "obj-229",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1240.0,
            748.0,
            119.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            680.0,
            150.0,
            150.0,
            22.0
          ],
          "text": "/composer/panic"
        }
      },
      {
        "box": {
          "id": "obj-230",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1370.0,
            748.0,
            154.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            835.0,
            150.0,
            150.0,
            22.0
          ],
          "text": "/composer/live/start"
        }
      },
      {
        "box": {
          "id": "obj-231",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1500.0,
            748.0,
            147.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            680.0,
            176.0,
            150.0,
            22.0
          ],
          "text": "/composer/live/stop"
        }
      },
      {
        "box": {
          "id": "obj-232",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            1240.0,
            776.0,
            290.0,
            22.0
          ],
          "text": "respond now, forget what was heard; play the latest result, stop, all notes off; start and stop the model's own voice (duet and continue modes)"
        }
      },
      {
        "box": {
          "id": "obj-233",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 13,
          "outlettype": [
            "bang",
            "bang",
            "bang",
            "bang",
            "bang",
            "bang",
            "bang",
            "bang",
            "bang",
            "bang",
            "bang",
            "bang",
            "bang"
          ],
          "patching_rect": [
            1760.0,
            780.0,
            203.0,
            22.0
          ],
          "text": "t b b b b b b b b b b b b b"
        }
      },
      {
        "box": {
          "id": "obj-234",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            1240.0,
            810.0,
            63.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            680.0,
            208.0,
            110.0,
            20.0
          ],
          "text": "silence"
        }
      },
      {
        "box": {
          "id": "obj-235",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            1840.0,
            810.0,
            120.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            866.0,
            208.0,
            120.0,
            20.0
          ],
          "text": "0..64"
        }
      },
      {
        "box": {
          "format": 6,
          "id": "obj-236",
          "maxclass": "flonum",
          "maximum": 64.0,
          "minimum": 0.0,
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "",
            "bang"
          ],
          "parameter_enable": 0,
          "patching_rect": [
            1330.0,
            810.0,
            70.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            790.0,
            208.0,
            70.0,
            22.0
          ]
        }
      },
      {
        "box": {
          "id": "obj-237",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1410.0,
            810.0,
            266.0,
            22.0
          ],
          "text": "prepend /composer/live/param/silence"
        }
      },
      {
        "box": {
          "id": "obj-238",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1760.0,
            810.0,
            34.0,
            22.0
          ],
          "text": "2."
        }
      },
      {
        "box": {
          "id": "obj-239",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            1240.0,
            838.0,
            56.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            680.0,
            233.0,
            110.0,
            20.0
          ],
          "text": "listen"
        }
      },
      {
        "box": {
          "id": "obj-240",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            1840.0,
            838.0,
            120.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            866.0,
            233.0,
            120.0,
            20.0
          ],
          "text": "0.25..64"
        }
      },
      {
        "box": {
          "format": 6,
          "id": "obj-241",
          "maxclass": "flonum",
          "maximum": 64.0,
          "minimum": 0.25,
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "",
            "bang"
          ],
          "parameter_enable": 0,
          "patching_rect": [
            1330.0,
            838.0,
            70.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            790.0,
            233.0,
            70.0,
            22.0
          ]
        }
      },
      {
        "box": {
          "id": "obj-242",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1410.0,
            838.0,
            259.0,
            22.0
          ],
          "text": "prepend /composer/live/param/listen"
        }
      },
      {
        "box": {
          "id": "obj-243",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1760.0,
            838.0,
            34.0,
            22.0
          ],
          "text": "8."
        }
      },
      {
        "box": {
          "id": "obj-244",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            1240.0,
            866.0,
            70.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            680.0,
            258.0,
            110.0,
            20.0
          ],
          "text": "autoplay"
        }
      },
      {
        "box": {
          "id": "obj-245",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            1840.0,
            866.0,
            120.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            866.0,
            258.0,
            120.0,
            20.0
          ],
          "text": "0..1"
        }
      },
      {
        "box": {
          "id": "obj-246",
          "maxclass": "number",
          "maximum": 1,
          "minimum": 0,
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "",
            "bang"
          ],
          "parameter_enable": 0,
          "patching_rect": [
            1330.0,
            866.0,
            70.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            790.0,
            258.0,
            70.0,
            22.0
          ]
        }
      },
      {
        "box": {
          "id": "obj-247",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1410.0,
            866.0,
            273.0,
            22.0
          ],
          "text": "prepend /composer/live/param/autoplay"
        }
      },
      {
        "box": {
          "id": "obj-248",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1760.0,
            866.0,
            34.0,
            22.0
          ],
          "text": "0"
        }
      },
      {
        "box": {
          "id": "obj-249",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            1240.0,
            894.0,
            84.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            680.0,
            283.0,
            110.0,
            20.0
          ],
          "text": "latency_ms"
        }
      },
      {
        "box": {
          "id": "obj-250",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            1840.0,
            894.0,
            120.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            866.0,
            283.0,
            120.0,
            20.0
          ],
          "text": "-500..500"
        }
      },
      {
        "box": {
          "format": 6,
          "id": "obj-251",
          "maxclass": "flonum",
          "maximum": 500.0,
          "minimum": -500.0,
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "",
            "bang"
          ],
          "parameter_enable": 0,
          "patching_rect": [
            1330.0,
            894.0,
            70.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            790.0,
            283.0,
            70.0,
            22.0
          ]
        }
      },
      {
        "box": {
          "id": "obj-252",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1410.0,
            894.0,
            287.0,
            22.0
          ],
          "text": "prepend /composer/live/param/latency_ms"
        }
      },
      {
        "box": {
          "id": "obj-253",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1760.0,
            894.0,
            34.0,
            22.0
          ],
          "text": "0."
        }
      },
      {
        "box": {
          "id": "obj-254",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            1240.0,
            922.0,
            42.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            680.0,
            308.0,
            110.0,
            20.0
          ],
          "text": "mode"
        }
      },
      {
        "box": {
          "id": "obj-255",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            1840.0,
            922.0,
            120.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            866.0,
            308.0,
            120.0,
            20.0
          ],
          "text": "0..3"
        }
      },
      {
        "box": {
          "id": "obj-256",
          "maxclass": "number",
          "maximum": 3,
          "minimum": 0,
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "",
            "bang"
          ],
          "parameter_enable": 0,
          "patching_rect": [
            1330.0,
            922.0,
            70.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            790.0,
            308.0,
            70.0,
            22.0
          ]
        }
      },
      {
        "box": {
          "id": "obj-257",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1410.0,
            922.0,
            245.0,
            22.0
          ],
          "text": "prepend /composer/live/param/mode"
        }
      },
      {
        "box": {
          "id": "obj-258",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1760.0,
            922.0,
            34.0,
            22.0
          ],
          "text": "0"
        }
      },
      {
        "box": {
          "id": "obj-259",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            1240.0,
            950.0,
            63.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            680.0,
            333.0,
            110.0,
            20.0
          ],
          "text": "harmony"
        }
      },
      {
        "box": {
          "id": "obj-260",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            1840.0,
            950.0,
            120.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            866.0,
            333.0,
            120.0,
            20.0
          ],
          "text": "1..4"
        }
      },
      {
        "box": {
          "id": "obj-261",
          "maxclass": "number",
          "maximum": 4,
          "minimum": 1,
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "",
            "bang"
          ],
          "parameter_enable": 0,
          "patching_rect": [
            1330.0,
            950.0,
            70.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            790.0,
            333.0,
            70.0,
            22.0
          ]
        }
      },
      {
        "box": {
          "id": "obj-262",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1410.0,
            950.0,
            266.0,
            22.0
          ],
          "text": "prepend /composer/live/param/harmony"
        }
      },
      {
        "box": {
          "id": "obj-263",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1760.0,
            950.0,
            34.0,
            22.0
          ],
          "text": "2"
        }
      },
      {
        "box": {
          "id": "obj-264",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            1240.0,
            978.0,
            98.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            680.0,
            358.0,
            110.0,
            20.0
          ],
          "text": "interval_low"
        }
      },
      {
        "box": {
          "id": "obj-265",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            1840.0,
            978.0,
            120.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            866.0,
            358.0,
            120.0,
            20.0
          ],
          "text": "-36..36"
        }
      },
      {
        "box": {
          "id": "obj-266",
          "maxclass": "number",
          "maximum": 36,
          "minimum": -36,
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "",
            "bang"
          ],
          "parameter_enable": 0,
          "patching_rect": [
            1330.0,
            978.0,
            70.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            790.0,
            358.0,
            70.0,
            22.0
          ]
        }
      },
      {
        "box": {
          "id": "obj-267",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1410.0,
            978.0,
            301.0,
            22.0
          ],
          "text": "prepend /composer/live/param/interval_low"
        }
      },
      {
        "box": {
          "id": "obj-268",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1760.0,
            978.0,
            35.0,
            22.0
          ],
          "text": "-12"
        }
      },
      {
        "box": {
          "id": "obj-269",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            1240.0,
            1006.0,
            105.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            680.0,
            383.0,
            110.0,
            20.0
          ],
          "text": "interval_high"
        }
      },
      {
        "box": {
          "id": "obj-270",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            1840.0,
            1006.0,
            120.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            866.0,
            383.0,
            120.0,
            20.0
          ],
          "text": "-36..36"
        }
      },
      {
        "box": {
          "id": "obj-271",
          "maxclass": "number",
          "maximum": 36,
          "minimum": -36,
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "",
            "bang"
          ],
          "parameter_enable": 0,
          "patching_rect": [
            1330.0,
            1006.0,
            70.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            790.0,
            383.0,
            70.0,
            22.0
          ]
        }
      },
      {
        "box": {
          "id": "obj-272",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1410.0,
            1006.0,
            308.0,
            22.0
          ],
          "text": "prepend /composer/live/param/interval_high"
        }
      },
      {
        "box": {
          "id": "obj-273",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1760.0,
            1006.0,
            34.0,
            22.0
          ],
          "text": "-1"
        }
      },
      {
        "box": {
          "id": "obj-274",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            1240.0,
            1034.0,
            126.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            680.0,
            408.0,
            110.0,
            20.0
          ],
          "text": "harmony_velocity"
        }
      },
      {
        "box": {
          "id": "obj-275",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            1840.0,
            1034.0,
            120.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            866.0,
            408.0,
            120.0,
            20.0
          ],
          "text": "0..2"
        }
      },
      {
        "box": {
          "format": 6,
          "id": "obj-276",
          "maxclass": "flonum",
          "maximum": 2.0,
          "minimum": 0.0,
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "",
            "bang"
          ],
          "parameter_enable": 0,
          "patching_rect": [
            1330.0,
            1034.0,
            70.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            790.0,
            408.0,
            70.0,
            22.0
          ]
        }
      },
      {
        "box": {
          "id": "obj-277",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1410.0,
            1034.0,
            329.0,
            22.0
          ],
          "text": "prepend /composer/live/param/harmony_velocity"
        }
      },
      {
        "box": {
          "id": "obj-278",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1760.0,
            1034.0,
            35.0,
            22.0
          ],
          "text": "0.8"
        }
      },
      {
        "box": {
          "id": "obj-279",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            1240.0,
            1062.0,
            84.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            680.0,
            433.0,
            110.0,
            20.0
          ],
          "text": "min_length"
        }
      },
      {
        "box": {
          "id": "obj-280",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            1840.0,
            1062.0,
            120.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            866.0,
            433.0,
            120.0,
            20.0
          ],
          "text": "0.0833333..16"
        }
      },
      {
        "box": {
          "format": 6,
          "id": "obj-281",
          "maxclass": "flonum",
          "maximum": 16.0,
          "minimum": 0.08333333333333333,
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "",
            "bang"
          ],
          "parameter_enable": 0,
          "patching_rect": [
            1330.0,
            1062.0,
            70.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            790.0,
            433.0,
            70.0,
            22.0
          ]
        }
      },
      {
        "box": {
          "id": "obj-282",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1410.0,
            1062.0,
            287.0,
            22.0
          ],
          "text": "prepend /composer/live/param/min_length"
        }
      },
      {
        "box": {
          "id": "obj-283",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1760.0,
            1062.0,
            42.0,
            22.0
          ],
          "text": "0.25"
        }
      },
      {
        "box": {
          "id": "obj-284",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            1240.0,
            1090.0,
            84.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            680.0,
            458.0,
            110.0,
            20.0
          ],
          "text": "max_length"
        }
      },
      {
        "box": {
          "id": "obj-285",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            1840.0,
            1090.0,
            120.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            866.0,
            458.0,
            120.0,
            20.0
          ],
          "text": "0.0833333..16"
        }
      },
      {
        "box": {
          "format": 6,
          "id": "obj-286",
          "maxclass": "flonum",
          "maximum": 16.0,
          "minimum": 0.08333333333333333,
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "",
            "bang"
          ],
          "parameter_enable": 0,
          "patching_rect": [
            1330.0,
            1090.0,
            70.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            790.0,
            458.0,
            70.0,
            22.0
          ]
        }
      },
      {
        "box": {
          "id": "obj-287",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1410.0,
            1090.0,
            287.0,
            22.0
          ],
          "text": "prepend /composer/live/param/max_length"
        }
      },
      {
        "box": {
          "id": "obj-288",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1760.0,
            1090.0,
            34.0,
            22.0
          ],
          "text": "4."
        }
      },
      {
        "box": {
          "id": "obj-289",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            1240.0,
            1118.0,
            63.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            680.0,
            483.0,
            110.0,
            20.0
          ],
          "text": "min_gap"
        }
      },
      {
        "box": {
          "id": "obj-290",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            1840.0,
            1118.0,
            120.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            866.0,
            483.0,
            120.0,
            20.0
          ],
          "text": "0.0833333..8"
        }
      },
      {
        "box": {
          "format": 6,
          "id": "obj-291",
          "maxclass": "flonum",
          "maximum": 8.0,
          "minimum": 0.08333333333333333,
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "",
            "bang"
          ],
          "parameter_enable": 0,
          "patching_rect": [
            1330.0,
            1118.0,
            70.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            790.0,
            483.0,
            70.0,
            22.0
          ]
        }
      },
      {
        "box": {
          "id": "obj-292",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1410.0,
            1118.0,
            266.0,
            22.0
          ],
          "text": "prepend /composer/live/param/min_gap"
        }
      },
      {
        "box": {
          "id": "obj-293",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1760.0,
            1118.0,
            42.0,
            22.0
          ],
          "text": "0.25"
        }
      },
      {
        "box": {
          "id": "obj-294",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            1240.0,
            1146.0,
            63.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            680.0,
            508.0,
            110.0,
            20.0
          ],
          "text": "max_gap"
        }
      },
      {
        "box": {
          "id": "obj-295",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            1840.0,
            1146.0,
            120.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            866.0,
            508.0,
            120.0,
            20.0
          ],
          "text": "0.0833333..8"
        }
      },
      {
        "box": {
          "format": 6,
          "id": "obj-296",
          "maxclass": "flonum",
          "maximum": 8.0,
          "minimum": 0.08333333333333333,
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "",
            "bang"
          ],
          "parameter_enable": 0,
          "patching_rect": [
            1330.0,
            1146.0,
            70.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            790.0,
            508.0,
            70.0,
            22.0
          ]
        }
      },
      {
        "box": {
          "id": "obj-297",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1410.0,
            1146.0,
            266.0,
            22.0
          ],
          "text": "prepend /composer/live/param/max_gap"
        }
      },
      {
        "box": {
          "id": "obj-298",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1760.0,
            1146.0,
            34.0,
            22.0
          ],
          "text": "4."
        }
      },
      {
        "box": {
          "id": "obj-299",
          "maxclass": "toggle",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            "int"
          ],
          "parameter_enable": 0,
          "patching_rect": [
            1240.0,
            1184.0,
            24.0,
            24.0
          ],
          "presentation": 1,
          "presentation_rect": [
            680.0,
            536.0,
            24.0,
            24.0
          ]
        }
      },
      {
        "box": {
          "id": "obj-300",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            1270.0,
            1186.0,
            330.0,
            22.0
          ],
          "text": "send the clock (/composer/clock tempo beat, every beat)"
        }
      },
      {
        "box": {
          "id": "obj-301",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            1270.0,
            1186.0,
            280.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            708.0,
            538.0,
            280.0,
            20.0
          ],
          "text": "send the clock (transport, else tempo)"
        }
      },
      {
        "box": {
          "id": "obj-302",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "int",
            "bang"
          ],
          "patching_rect": [
            1240.0,
            1214.0,
            49.0,
            22.0
          ],
          "text": "t i b"
        }
      },
      {
        "box": {
          "id": "obj-303",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1300.0,
            1244.0,
            34.0,
            22.0
          ],
          "text": "0"
        }
      },
      {
        "box": {
          "id": "obj-304",
          "maxclass": "newobj",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            "bang"
          ],
          "patching_rect": [
            1240.0,
            1244.0,
            77.0,
            22.0
          ],
          "text": "metro 500"
        }
      },
      {
        "box": {
          "id": "obj-305",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "bang",
            "bang"
          ],
          "patching_rect": [
            1540.0,
            1244.0,
            49.0,
            22.0
          ],
          "text": "t b b"
        }
      },
      {
        "box": {
          "id": "obj-306",
          "maxclass": "newobj",
          "numinlets": 2,
          "numoutlets": 9,
          "outlettype": [
            "int",
            "int",
            "float",
            "float",
            "float",
            "",
            "int",
            "float",
            ""
          ],
          "patching_rect": [
            1540.0,
            1274.0,
            77.0,
            22.0
          ],
          "text": "transport"
        }
      },
      {
        "box": {
          "id": "obj-307",
          "maxclass": "newobj",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            "int"
          ],
          "patching_rect": [
            1440.0,
            1274.0,
            34.0,
            22.0
          ],
          "text": "i"
        }
      },
      {
        "box": {
          "id": "obj-308",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 3,
          "outlettype": [
            "bang",
            "bang",
            ""
          ],
          "patching_rect": [
            1440.0,
            1304.0,
            63.0,
            22.0
          ],
          "text": "sel 1 0"
        }
      },
      {
        "box": {
          "id": "obj-309",
          "maxclass": "newobj",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            "float"
          ],
          "patching_rect": [
            1540.0,
            1364.0,
            34.0,
            22.0
          ],
          "text": "f"
        }
      },
      {
        "box": {
          "id": "obj-310",
          "maxclass": "newobj",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            "float"
          ],
          "patching_rect": [
            1640.0,
            1304.0,
            56.0,
            22.0
          ],
          "text": "/ 480."
        }
      },
      {
        "box": {
          "id": "obj-311",
          "maxclass": "newobj",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            "float"
          ],
          "patching_rect": [
            1640.0,
            1334.0,
            34.0,
            22.0
          ],
          "text": "f"
        }
      },
      {
        "box": {
          "id": "obj-312",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "bang",
            "bang"
          ],
          "patching_rect": [
            1440.0,
            1334.0,
            49.0,
            22.0
          ],
          "text": "t b b"
        }
      },
      {
        "box": {
          "id": "obj-313",
          "maxclass": "newobj",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1540.0,
            1394.0,
            84.0,
            22.0
          ],
          "text": "pack 0. 0."
        }
      },
      {
        "box": {
          "id": "obj-314",
          "maxclass": "newobj",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            "int"
          ],
          "patching_rect": [
            1240.0,
            1274.0,
            34.0,
            22.0
          ],
          "text": "i"
        }
      },
      {
        "box": {
          "id": "obj-315",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 3,
          "outlettype": [
            "bang",
            "int",
            "int"
          ],
          "patching_rect": [
            1240.0,
            1304.0,
            63.0,
            22.0
          ],
          "text": "t b i i"
        }
      },
      {
        "box": {
          "id": "obj-316",
          "maxclass": "newobj",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            "int"
          ],
          "patching_rect": [
            1340.0,
            1334.0,
            35.0,
            22.0
          ],
          "text": "+ 1"
        }
      },
      {
        "box": {
          "id": "obj-317",
          "maxclass": "newobj",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            "float"
          ],
          "patching_rect": [
            1240.0,
            1334.0,
            56.0,
            22.0
          ],
          "text": "f 120."
        }
      },
      {
        "box": {
          "id": "obj-318",
          "maxclass": "newobj",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1240.0,
            1364.0,
            84.0,
            22.0
          ],
          "text": "pack 0. 0."
        }
      },
      {
        "box": {
          "id": "obj-319",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1240.0,
            1394.0,
            175.0,
            22.0
          ],
          "text": "prepend /composer/clock"
        }
      },
      {
        "box": {
          "id": "obj-320",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1240.0,
            1584.0,
            330.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            680.0,
            590.0,
            310.0,
            22.0
          ],
          "text": "nothing heard yet"
        }
      },
      {
        "box": {
          "id": "obj-321",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            1240.0,
            1562.0,
            42.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            680.0,
            570.0,
            100.0,
            20.0
          ],
          "text": "live"
        }
      },
      {
        "box": {
          "id": "obj-322",
          "maxclass": "newobj",
          "numinlets": 6,
          "numoutlets": 6,
          "outlettype": [
            "",
            "",
            "",
            "",
            "",
            ""
          ],
          "patching_rect": [
            1240.0,
            1434.0,
            798.0,
            22.0
          ],
          "text": "route /composer/live/answer /composer/play/noteon /composer/play/noteoff /composer/play/start /composer/play/end"
        }
      },
      {
        "box": {
          "id": "obj-323",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1240.0,
            1464.0,
            301.0,
            22.0
          ],
          "text": "set answer $1 at beat $2 - $3 notes heard"
        }
      },
      {
        "box": {
          "id": "obj-324",
          "maxclass": "newobj",
          "numinlets": 3,
          "numoutlets": 0,
          "outlettype": [],
          "patching_rect": [
            1540.0,
            1534.0,
            63.0,
            22.0
          ],
          "text": "noteout"
        }
      },
      {
        "box": {
          "id": "obj-325",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "int",
            "int"
          ],
          "patching_rect": [
            1540.0,
            1464.0,
            84.0,
            22.0
          ],
          "text": "unpack 0 0"
        }
      },
      {
        "box": {
          "id": "obj-326",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1640.0,
            1464.0,
            42.0,
            22.0
          ],
          "text": "$1 0"
        }
      },
      {
        "box": {
          "id": "obj-327",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "int",
            "int"
          ],
          "patching_rect": [
            1640.0,
            1494.0,
            84.0,
            22.0
          ],
          "text": "unpack 0 0"
        }
      },
      {
        "box": {
          "id": "obj-328",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1240.0,
            1494.0,
            203.0,
            22.0
          ],
          "text": "set playing $1 from beat $2"
        }
      },
      {
        "box": {
          "id": "obj-329",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1240.0,
            1524.0,
            105.0,
            22.0
          ],
          "text": "set played $1"
        }
      },
      {
        "box": {
          "fontface": 1,
          "id": "obj-330",
          "maxclass": "comment",
          "numinlets": 1,
          "numoutlets": 0,
          "patching_rect": [
            900.0,
            700.0,
            49.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            340.0,
            392.0,
            200.0,
            20.0
          ],
          "text": "MODEL"
        }
      },
      {
        "box": {
          "id": "obj-331",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            900.0,
            760.0,
            126.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            340.0,
            414.0,
            130.0,
            22.0
          ],
          "text": "/composer/models"
        }
      },
      {
        "box": {
          "id": "obj-332",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1040.0,
            760.0,
            49.0,
            22.0
          ],
          "text": "clear"
        }
      },
      {
        "box": {
          "id": "obj-333",
          "items": [],
          "maxclass": "umenu",
          "numinlets": 1,
          "numoutlets": 3,
          "outlettype": [
            "int",
            "",
            ""
          ],
          "parameter_enable": 0,
          "patching_rect": [
            1040.0,
            790.0,
            180.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            476.0,
            414.0,
            184.0,
            22.0
          ]
        }
      },
      {
        "box": {
          "id": "obj-334",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1040.0,
            820.0,
            175.0,
            22.0
          ],
          "text": "prepend /composer/model"
        }
      },
      {
        "box": {
          "id": "obj-335",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            900.0,
            910.0,
            320.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            340.0,
            440.0,
            320.0,
            22.0
          ],
          "text": "model: ask the server"
        }
      },
      {
        "box": {
          "id": "obj-336",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            900.0,
            940.0,
            140.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            340.0,
            476.0,
            130.0,
            22.0
          ],
          "text": "/composer/describe"
        }
      },
      {
        "box": {
          "id": "obj-337",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            900.0,
            1000.0,
            320.0,
            22.0
          ],
          "presentation": 1,
          "presentation_rect": [
            340.0,
            502.0,
            320.0,
            22.0
          ],
          "text": "what can the server do?"
        }
      },
      {
        "box": {
          "id": "obj-338",
          "maxclass": "newobj",
          "numinlets": 5,
          "numoutlets": 5,
          "outlettype": [
            "",
            "",
            "",
            "",
            ""
          ],
          "patching_rect": [
            900.0,
            850.0,
            679.0,
            22.0
          ],
          "text": "route /composer/model/available /composer/model/loaded /composer/address /composer/describe/end"
        }
      },
      {
        "box": {
          "id": "obj-339",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "",
            ""
          ],
          "patching_rect": [
            900.0,
            880.0,
            49.0,
            22.0
          ],
          "text": "t l l"
        }
      },
      {
        "box": {
          "id": "obj-340",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1040.0,
            880.0,
            77.0,
            22.0
          ],
          "text": "append $1"
        }
      },
      {
        "box": {
          "id": "obj-341",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "",
            "int"
          ],
          "patching_rect": [
            1200.0,
            880.0,
            84.0,
            22.0
          ],
          "text": "unpack s 0"
        }
      },
      {
        "box": {
          "id": "obj-342",
          "maxclass": "newobj",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1200.0,
            910.0,
            42.0,
            22.0
          ],
          "text": "gate"
        }
      },
      {
        "box": {
          "id": "obj-343",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1200.0,
            940.0,
            168.0,
            22.0
          ],
          "text": "set model: $1 (in use)"
        }
      },
      {
        "box": {
          "id": "obj-344",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1400.0,
            880.0,
            168.0,
            22.0
          ],
          "text": "set model: $1 (loaded)"
        }
      },
      {
        "box": {
          "id": "obj-345",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 0,
          "outlettype": [],
          "patching_rect": [
            1400.0,
            940.0,
            203.0,
            22.0
          ],
          "text": "print osc-composer-describe"
        }
      },
      {
        "box": {
          "id": "obj-346",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1400.0,
            970.0,
            441.0,
            22.0
          ],
          "text": "set the server knows $1 addresses (listed in the Max console)"
        }
      },
      {
        "box": {
          "id": "obj-347",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "",
            ""
          ],
          "patching_rect": [
            900.0,
            360.0,
            49.0,
            22.0
          ],
          "text": "t l l"
        }
      },
      {
        "box": {
          "id": "obj-348",
          "maxclass": "newobj",
          "numinlets": 2,
          "numoutlets": 2,
          "outlettype": [
            "",
            ""
          ],
          "patching_rect": [
            1000.0,
            390.0,
            70.0,
            22.0
          ],
          "text": "zl.nth 2"
        }
      },
      {
        "box": {
          "id": "obj-349",
          "maxclass": "newobj",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            "int"
          ],
          "patching_rect": [
            1000.0,
            420.0,
            34.0,
            22.0
          ],
          "text": "=="
        }
      },
      {
        "box": {
          "id": "obj-350",
          "maxclass": "newobj",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            900.0,
            450.0,
            42.0,
            22.0
          ],
          "text": "gate"
        }
      },
      {
        "box": {
          "id": "obj-351",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 6,
          "outlettype": [
            "int",
            "int",
            "int",
            "int",
            "float",
            "float"
          ],
          "patching_rect": [
            900.0,
            480.0,
            154.0,
            22.0
          ],
          "text": "unpack 0 0 0 0 0. 0."
        }
      },
      {
        "box": {
          "id": "obj-352",
          "maxclass": "newobj",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            "float"
          ],
          "patching_rect": [
            1080.0,
            510.0,
            56.0,
            22.0
          ],
          "text": "* 500."
        }
      },
      {
        "box": {
          "id": "obj-353",
          "maxclass": "newobj",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            "float"
          ],
          "patching_rect": [
            1010.0,
            510.0,
            56.0,
            22.0
          ],
          "text": "* 500."
        }
      },
      {
        "box": {
          "id": "obj-354",
          "maxclass": "newobj",
          "numinlets": 4,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            900.0,
            545.0,
            112.0,
            22.0
          ],
          "text": "pack 0 0 0. 0."
        }
      },
      {
        "box": {
          "id": "obj-355",
          "maxclass": "newobj",
          "numinlets": 4,
          "numoutlets": 3,
          "outlettype": [
            "int",
            "int",
            "float"
          ],
          "patching_rect": [
            900.0,
            575.0,
            105.0,
            22.0
          ],
          "text": "pipe 0 0 0. 0"
        }
      },
      {
        "box": {
          "id": "obj-356",
          "maxclass": "newobj",
          "numinlets": 3,
          "numoutlets": 2,
          "outlettype": [
            "float",
            "float"
          ],
          "patching_rect": [
            900.0,
            610.0,
            126.0,
            22.0
          ],
          "text": "makenote 100 250"
        }
      },
      {
        "box": {
          "id": "obj-357",
          "maxclass": "newobj",
          "numinlets": 3,
          "numoutlets": 0,
          "outlettype": [],
          "patching_rect": [
            900.0,
            645.0,
            63.0,
            22.0
          ],
          "text": "noteout"
        }
      },
      {
        "box": {
          "id": "obj-358",
          "maxclass": "newobj",
          "numinlets": 1,
          "numoutlets": 2,
          "outlettype": [
            "bang",
            "bang"
          ],
          "patching_rect": [
            1240.0,
            385.0,
            49.0,
            22.0
          ],
          "text": "t b b"
        }
      },
      {
        "box": {
          "id": "obj-359",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1080.0,
            575.0,
            49.0,
            22.0
          ],
          "text": "clear"
        }
      },
      {
        "box": {
          "id": "obj-360",
          "maxclass": "message",
          "numinlets": 2,
          "numoutlets": 1,
          "outlettype": [
            ""
          ],
          "patching_rect": [
            1080.0,
            610.0,
            42.0,
            22.0
          ],
          "text": "stop"
        }
      }
    ],
    "lines": [
      {
        "patchline": {
          "destination": [
            "obj-4",
            0
          ],
          "source": [
            "obj-7",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-11",
            0
          ],
          "source": [
            "obj-10",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-4",
            0
          ],
          "source": [
            "obj-11",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-14",
            0
          ],
          "source": [
            "obj-13",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-15",
            0
          ],
          "source": [
            "obj-14",
            1
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-5",
            0
          ],
          "source": [
            "obj-15",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-16",
            0
          ],
          "source": [
            "obj-14",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-4",
            0
          ],
          "source": [
            "obj-16",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-4",
            0
          ],
          "source": [
            "obj-17",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-25",
            0
          ],
          "source": [
            "obj-24",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-4",
            0
          ],
          "source": [
            "obj-25",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-30",
            0
          ],
          "source": [
            "obj-29",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-4",
            0
          ],
          "source": [
            "obj-30",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-35",
            0
          ],
          "source": [
            "obj-34",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-4",
            0
          ],
          "source": [
            "obj-35",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-40",
            0
          ],
          "source": [
            "obj-39",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-4",
            0
          ],
          "source": [
            "obj-40",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-45",
            0
          ],
          "source": [
            "obj-44",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-4",
            0
          ],
          "source": [
            "obj-45",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-50",
            0
          ],
          "source": [
            "obj-49",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-4",
            0
          ],
          "source": [
            "obj-50",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-55",
            0
          ],
          "source": [
            "obj-54",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-4",
            0
          ],
          "source": [
            "obj-55",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-60",
            0
          ],
          "source": [
            "obj-59",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-4",
            0
          ],
          "source": [
            "obj-60",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-65",
            0
          ],
          "source": [
            "obj-64",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-4",
            0
          ],
          "source": [
            "obj-65",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-70",
            0
          ],
          "source": [
            "obj-69",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-4",
            0
          ],
          "source": [
            "obj-70",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-75",
            0
          ],
          "source": [
            "obj-74",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-4",
            0
          ],
          "source": [
            "obj-75",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-80",
            0
          ],
          "source": [
            "obj-79",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-4",
            0
          ],
          "source": [
            "obj-80",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-85",
            0
          ],
          "source": [
            "obj-84",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-4",
            0
          ],
          "source": [
            "obj-85",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-90",
            0
          ],
          "source": [
            "obj-89",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-4",
            0
          ],
          "source": [
            "obj-90",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-94",
            0
          ],
          "source": [
            "obj-93",
            1
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-4",
            0
          ],
          "source": [
            "obj-94",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-98",
            0
          ],
          "source": [
            "obj-97",
            1
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-4",
            0
          ],
          "source": [
            "obj-98",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-101",
            0
          ],
          "source": [
            "obj-100",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-102",
            0
          ],
          "source": [
            "obj-101",
            17
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-10",
            0
          ],
          "source": [
            "obj-102",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-103",
            0
          ],
          "source": [
            "obj-101",
            16
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-13",
            0
          ],
          "source": [
            "obj-103",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-104",
            0
          ],
          "source": [
            "obj-101",
            15
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-24",
            0
          ],
          "source": [
            "obj-104",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-105",
            0
          ],
          "source": [
            "obj-101",
            14
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-29",
            0
          ],
          "source": [
            "obj-105",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-106",
            0
          ],
          "source": [
            "obj-101",
            13
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-34",
            0
          ],
          "source": [
            "obj-106",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-107",
            0
          ],
          "source": [
            "obj-101",
            12
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-39",
            0
          ],
          "source": [
            "obj-107",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-108",
            0
          ],
          "source": [
            "obj-101",
            11
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-44",
            0
          ],
          "source": [
            "obj-108",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-109",
            0
          ],
          "source": [
            "obj-101",
            10
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-49",
            0
          ],
          "source": [
            "obj-109",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-110",
            0
          ],
          "source": [
            "obj-101",
            9
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-54",
            0
          ],
          "source": [
            "obj-110",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-111",
            0
          ],
          "source": [
            "obj-101",
            8
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-59",
            0
          ],
          "source": [
            "obj-111",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-112",
            0
          ],
          "source": [
            "obj-101",
            7
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-64",
            0
          ],
          "source": [
            "obj-112",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-113",
            0
          ],
          "source": [
            "obj-101",
            6
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-69",
            0
          ],
          "source": [
            "obj-113",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-114",
            0
          ],
          "source": [
            "obj-101",
            5
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-74",
            0
          ],
          "source": [
            "obj-114",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-115",
            0
          ],
          "source": [
            "obj-101",
            4
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-79",
            0
          ],
          "source": [
            "obj-115",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-116",
            0
          ],
          "source": [
            "obj-101",
            3
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-84",
            0
          ],
          "source": [
            "obj-116",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-117",
            0
          ],
          "source": [
            "obj-101",
            2
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-89",
            0
          ],
          "source": [
            "obj-117",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-118",
            0
          ],
          "source": [
            "obj-101",
            1
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-93",
            0
          ],
          "source": [
            "obj-118",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-119",
            0
          ],
          "source": [
            "obj-101",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-97",
            0
          ],
          "source": [
            "obj-119",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-120",
            0
          ],
          "source": [
            "obj-19",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-13",
            0
          ],
          "source": [
            "obj-120",
            16
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-24",
            0
          ],
          "source": [
            "obj-120",
            15
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-29",
            0
          ],
          "source": [
            "obj-120",
            14
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-34",
            0
          ],
          "source": [
            "obj-120",
            13
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-39",
            0
          ],
          "source": [
            "obj-120",
            12
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-44",
            0
          ],
          "source": [
            "obj-120",
            11
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-49",
            0
          ],
          "source": [
            "obj-120",
            10
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-54",
            0
          ],
          "source": [
            "obj-120",
            9
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-59",
            0
          ],
          "source": [
            "obj-120",
            8
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-64",
            0
          ],
          "source": [
            "obj-120",
            7
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-69",
            0
          ],
          "source": [
            "obj-120",
            6
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-74",
            0
          ],
          "source": [
            "obj-120",
            5
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-79",
            0
          ],
          "source": [
            "obj-120",
            4
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-84",
            0
          ],
          "source": [
            "obj-120",
            3
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-89",
            0
          ],
          "source": [
            "obj-120",
            2
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-93",
            0
          ],
          "source": [
            "obj-120",
            1
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-97",
            0
          ],
          "source": [
            "obj-120",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-125",
            0
          ],
          "source": [
            "obj-124",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-126",
            0
          ],
          "source": [
            "obj-125",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-127",
            0
          ],
          "source": [
            "obj-125",
            1
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-128",
            0
          ],
          "source": [
            "obj-125",
            2
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-129",
            0
          ],
          "source": [
            "obj-125",
            3
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-131",
            0
          ],
          "source": [
            "obj-126",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-131",
            0
          ],
          "source": [
            "obj-127",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-131",
            0
          ],
          "source": [
            "obj-128",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-131",
            0
          ],
          "source": [
            "obj-129",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-132",
            0
          ],
          "source": [
            "obj-131",
            1
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-133",
            0
          ],
          "source": [
            "obj-132",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-134",
            1
          ],
          "source": [
            "obj-133",
            1
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-135",
            0
          ],
          "source": [
            "obj-133",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-136",
            0
          ],
          "source": [
            "obj-135",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-135",
            1
          ],
          "source": [
            "obj-136",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-134",
            0
          ],
          "source": [
            "obj-135",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-122",
            0
          ],
          "source": [
            "obj-134",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-137",
            0
          ],
          "source": [
            "obj-131",
            2
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-138",
            0
          ],
          "source": [
            "obj-137",
            1
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-139",
            0
          ],
          "source": [
            "obj-137",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-122",
            0
          ],
          "source": [
            "obj-138",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-135",
            1
          ],
          "source": [
            "obj-139",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-142",
            0
          ],
          "source": [
            "obj-131",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-142",
            0
          ],
          "source": [
            "obj-140",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-122",
            0
          ],
          "source": [
            "obj-142",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-143",
            0
          ],
          "source": [
            "obj-122",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-143",
            0
          ],
          "source": [
            "obj-122",
            3
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-144",
            0
          ],
          "source": [
            "obj-143",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-4",
            0
          ],
          "source": [
            "obj-144",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-147",
            0
          ],
          "source": [
            "obj-145",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-137",
            0
          ],
          "source": [
            "obj-147",
            1
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-148",
            0
          ],
          "source": [
            "obj-147",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-4",
            0
          ],
          "source": [
            "obj-148",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-152",
            0
          ],
          "source": [
            "obj-150",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-153",
            0
          ],
          "source": [
            "obj-152",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-137",
            0
          ],
          "source": [
            "obj-153",
            2
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-155",
            0
          ],
          "source": [
            "obj-153",
            1
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-154",
            0
          ],
          "source": [
            "obj-155",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-156",
            1
          ],
          "source": [
            "obj-153",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-142",
            0
          ],
          "source": [
            "obj-152",
            1
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-159",
            0
          ],
          "source": [
            "obj-157",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-159",
            1
          ],
          "source": [
            "obj-157",
            1
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-158",
            0
          ],
          "source": [
            "obj-150",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-158",
            1
          ],
          "source": [
            "obj-159",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-160",
            0
          ],
          "source": [
            "obj-158",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-161",
            0
          ],
          "source": [
            "obj-160",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-163",
            0
          ],
          "source": [
            "obj-161",
            1
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-156",
            0
          ],
          "source": [
            "obj-163",
            2
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-162",
            0
          ],
          "source": [
            "obj-156",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-162",
            1
          ],
          "source": [
            "obj-163",
            1
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-164",
            2
          ],
          "source": [
            "obj-162",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-165",
            0
          ],
          "source": [
            "obj-163",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-164",
            1
          ],
          "source": [
            "obj-165",
            1
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-164",
            0
          ],
          "source": [
            "obj-165",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-166",
            0
          ],
          "source": [
            "obj-164",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-154",
            0
          ],
          "source": [
            "obj-166",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-167",
            0
          ],
          "source": [
            "obj-161",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-168",
            0
          ],
          "source": [
            "obj-156",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-154",
            0
          ],
          "source": [
            "obj-167",
            2
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-168",
            1
          ],
          "source": [
            "obj-167",
            1
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-169",
            0
          ],
          "source": [
            "obj-154",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-170",
            0
          ],
          "source": [
            "obj-169",
            1
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-171",
            1
          ],
          "source": [
            "obj-170",
            1
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-171",
            0
          ],
          "source": [
            "obj-168",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-172",
            0
          ],
          "source": [
            "obj-170",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-173",
            0
          ],
          "source": [
            "obj-171",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-172",
            1
          ],
          "source": [
            "obj-174",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-173",
            1
          ],
          "source": [
            "obj-174",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-175",
            1
          ],
          "source": [
            "obj-169",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-175",
            2
          ],
          "source": [
            "obj-172",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-175",
            3
          ],
          "source": [
            "obj-173",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-176",
            0
          ],
          "source": [
            "obj-167",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-175",
            0
          ],
          "source": [
            "obj-176",
            1
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-177",
            0
          ],
          "source": [
            "obj-176",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-154",
            0
          ],
          "source": [
            "obj-177",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-178",
            0
          ],
          "source": [
            "obj-176",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-175",
            1
          ],
          "source": [
            "obj-178",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-179",
            0
          ],
          "source": [
            "obj-175",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-180",
            0
          ],
          "source": [
            "obj-179",
            1
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-181",
            0
          ],
          "source": [
            "obj-180",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-182",
            0
          ],
          "source": [
            "obj-181",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-182",
            1
          ],
          "source": [
            "obj-179",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-133",
            0
          ],
          "source": [
            "obj-182",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-186",
            0
          ],
          "source": [
            "obj-184",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-187",
            0
          ],
          "source": [
            "obj-186",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-188",
            0
          ],
          "source": [
            "obj-187",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-187",
            1
          ],
          "source": [
            "obj-188",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-189",
            0
          ],
          "source": [
            "obj-188",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-4",
            0
          ],
          "source": [
            "obj-189",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-192",
            0
          ],
          "source": [
            "obj-191",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-174",
            0
          ],
          "source": [
            "obj-191",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-199",
            0
          ],
          "source": [
            "obj-100",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-191",
            0
          ],
          "source": [
            "obj-199",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-200",
            0
          ],
          "source": [
            "obj-100",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-194",
            0
          ],
          "source": [
            "obj-200",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-201",
            0
          ],
          "source": [
            "obj-100",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-196",
            0
          ],
          "source": [
            "obj-201",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-202",
            0
          ],
          "source": [
            "obj-5",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-211",
            0
          ],
          "source": [
            "obj-186",
            1
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-203",
            0
          ],
          "source": [
            "obj-211",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-212",
            0
          ],
          "source": [
            "obj-202",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-203",
            0
          ],
          "source": [
            "obj-212",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-213",
            0
          ],
          "source": [
            "obj-202",
            2
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-203",
            0
          ],
          "source": [
            "obj-213",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-214",
            0
          ],
          "source": [
            "obj-202",
            3
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-205",
            0
          ],
          "source": [
            "obj-214",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-215",
            0
          ],
          "source": [
            "obj-202",
            4
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-207",
            0
          ],
          "source": [
            "obj-215",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-216",
            0
          ],
          "source": [
            "obj-202",
            5
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-209",
            0
          ],
          "source": [
            "obj-216",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-222",
            0
          ],
          "source": [
            "obj-221",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-222",
            1
          ],
          "source": [
            "obj-221",
            1
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-223",
            0
          ],
          "source": [
            "obj-222",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-224",
            0
          ],
          "source": [
            "obj-219",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-224",
            1
          ],
          "source": [
            "obj-223",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-4",
            0
          ],
          "source": [
            "obj-224",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-4",
            0
          ],
          "source": [
            "obj-225",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-4",
            0
          ],
          "source": [
            "obj-226",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-4",
            0
          ],
          "source": [
            "obj-227",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-4",
            0
          ],
          "source": [
            "obj-228",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-4",
            0
          ],
          "source": [
            "obj-229",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-4",
            0
          ],
          "source": [
            "obj-230",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-4",
            0
          ],
          "source": [
            "obj-231",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-233",
            0
          ],
          "source": [
            "obj-19",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-237",
            0
          ],
          "source": [
            "obj-236",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-4",
            0
          ],
          "source": [
            "obj-237",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-238",
            0
          ],
          "source": [
            "obj-100",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-236",
            0
          ],
          "source": [
            "obj-238",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-236",
            0
          ],
          "source": [
            "obj-233",
            12
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-242",
            0
          ],
          "source": [
            "obj-241",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-4",
            0
          ],
          "source": [
            "obj-242",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-243",
            0
          ],
          "source": [
            "obj-100",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-241",
            0
          ],
          "source": [
            "obj-243",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-241",
            0
          ],
          "source": [
            "obj-233",
            11
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-247",
            0
          ],
          "source": [
            "obj-246",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-4",
            0
          ],
          "source": [
            "obj-247",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-248",
            0
          ],
          "source": [
            "obj-100",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-246",
            0
          ],
          "source": [
            "obj-248",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-246",
            0
          ],
          "source": [
            "obj-233",
            10
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-252",
            0
          ],
          "source": [
            "obj-251",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-4",
            0
          ],
          "source": [
            "obj-252",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-253",
            0
          ],
          "source": [
            "obj-100",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-251",
            0
          ],
          "source": [
            "obj-253",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-251",
            0
          ],
          "source": [
            "obj-233",
            9
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-257",
            0
          ],
          "source": [
            "obj-256",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-4",
            0
          ],
          "source": [
            "obj-257",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-258",
            0
          ],
          "source": [
            "obj-100",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-256",
            0
          ],
          "source": [
            "obj-258",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-256",
            0
          ],
          "source": [
            "obj-233",
            8
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-262",
            0
          ],
          "source": [
            "obj-261",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-4",
            0
          ],
          "source": [
            "obj-262",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-263",
            0
          ],
          "source": [
            "obj-100",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-261",
            0
          ],
          "source": [
            "obj-263",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-261",
            0
          ],
          "source": [
            "obj-233",
            7
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-267",
            0
          ],
          "source": [
            "obj-266",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-4",
            0
          ],
          "source": [
            "obj-267",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-268",
            0
          ],
          "source": [
            "obj-100",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-266",
            0
          ],
          "source": [
            "obj-268",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-266",
            0
          ],
          "source": [
            "obj-233",
            6
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-272",
            0
          ],
          "source": [
            "obj-271",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-4",
            0
          ],
          "source": [
            "obj-272",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-273",
            0
          ],
          "source": [
            "obj-100",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-271",
            0
          ],
          "source": [
            "obj-273",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-271",
            0
          ],
          "source": [
            "obj-233",
            5
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-277",
            0
          ],
          "source": [
            "obj-276",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-4",
            0
          ],
          "source": [
            "obj-277",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-278",
            0
          ],
          "source": [
            "obj-100",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-276",
            0
          ],
          "source": [
            "obj-278",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-276",
            0
          ],
          "source": [
            "obj-233",
            4
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-282",
            0
          ],
          "source": [
            "obj-281",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-4",
            0
          ],
          "source": [
            "obj-282",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-283",
            0
          ],
          "source": [
            "obj-100",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-281",
            0
          ],
          "source": [
            "obj-283",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-281",
            0
          ],
          "source": [
            "obj-233",
            3
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-287",
            0
          ],
          "source": [
            "obj-286",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-4",
            0
          ],
          "source": [
            "obj-287",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-288",
            0
          ],
          "source": [
            "obj-100",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-286",
            0
          ],
          "source": [
            "obj-288",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-286",
            0
          ],
          "source": [
            "obj-233",
            2
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-292",
            0
          ],
          "source": [
            "obj-291",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-4",
            0
          ],
          "source": [
            "obj-292",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-293",
            0
          ],
          "source": [
            "obj-100",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-291",
            0
          ],
          "source": [
            "obj-293",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-291",
            0
          ],
          "source": [
            "obj-233",
            1
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-297",
            0
          ],
          "source": [
            "obj-296",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-4",
            0
          ],
          "source": [
            "obj-297",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-298",
            0
          ],
          "source": [
            "obj-100",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-296",
            0
          ],
          "source": [
            "obj-298",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-296",
            0
          ],
          "source": [
            "obj-233",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-305",
            0
          ],
          "source": [
            "obj-304",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-306",
            0
          ],
          "source": [
            "obj-305",
            1
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-309",
            1
          ],
          "source": [
            "obj-306",
            4
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-307",
            1
          ],
          "source": [
            "obj-306",
            6
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-310",
            0
          ],
          "source": [
            "obj-306",
            7
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-311",
            1
          ],
          "source": [
            "obj-310",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-307",
            0
          ],
          "source": [
            "obj-305",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-308",
            0
          ],
          "source": [
            "obj-307",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-312",
            0
          ],
          "source": [
            "obj-308",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-311",
            0
          ],
          "source": [
            "obj-312",
            1
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-313",
            1
          ],
          "source": [
            "obj-311",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-309",
            0
          ],
          "source": [
            "obj-312",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-313",
            0
          ],
          "source": [
            "obj-309",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-302",
            0
          ],
          "source": [
            "obj-299",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-303",
            0
          ],
          "source": [
            "obj-302",
            1
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-314",
            1
          ],
          "source": [
            "obj-303",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-304",
            0
          ],
          "source": [
            "obj-302",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-304",
            1
          ],
          "source": [
            "obj-192",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-314",
            0
          ],
          "source": [
            "obj-308",
            1
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-315",
            0
          ],
          "source": [
            "obj-314",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-316",
            0
          ],
          "source": [
            "obj-315",
            2
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-314",
            1
          ],
          "source": [
            "obj-316",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-318",
            1
          ],
          "source": [
            "obj-315",
            1
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-317",
            0
          ],
          "source": [
            "obj-315",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-317",
            1
          ],
          "source": [
            "obj-191",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-318",
            0
          ],
          "source": [
            "obj-317",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-319",
            0
          ],
          "source": [
            "obj-318",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-4",
            0
          ],
          "source": [
            "obj-319",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-319",
            0
          ],
          "source": [
            "obj-313",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-323",
            0
          ],
          "source": [
            "obj-322",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-320",
            0
          ],
          "source": [
            "obj-323",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-324",
            2
          ],
          "source": [
            "obj-196",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-325",
            0
          ],
          "source": [
            "obj-322",
            1
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-324",
            0
          ],
          "source": [
            "obj-325",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-324",
            1
          ],
          "source": [
            "obj-325",
            1
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-326",
            0
          ],
          "source": [
            "obj-322",
            2
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-327",
            0
          ],
          "source": [
            "obj-326",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-324",
            0
          ],
          "source": [
            "obj-327",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-324",
            1
          ],
          "source": [
            "obj-327",
            1
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-328",
            0
          ],
          "source": [
            "obj-322",
            3
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-320",
            0
          ],
          "source": [
            "obj-328",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-329",
            0
          ],
          "source": [
            "obj-322",
            4
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-320",
            0
          ],
          "source": [
            "obj-329",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-322",
            0
          ],
          "source": [
            "obj-202",
            6
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-4",
            0
          ],
          "source": [
            "obj-331",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-333",
            0
          ],
          "source": [
            "obj-332",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-332",
            0
          ],
          "source": [
            "obj-331",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-334",
            0
          ],
          "source": [
            "obj-333",
            1
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-4",
            0
          ],
          "source": [
            "obj-334",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-4",
            0
          ],
          "source": [
            "obj-336",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-339",
            0
          ],
          "source": [
            "obj-338",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-340",
            0
          ],
          "source": [
            "obj-339",
            1
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-333",
            0
          ],
          "source": [
            "obj-340",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-341",
            0
          ],
          "source": [
            "obj-339",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-342",
            0
          ],
          "source": [
            "obj-341",
            1
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-342",
            1
          ],
          "source": [
            "obj-341",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-343",
            0
          ],
          "source": [
            "obj-342",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-335",
            0
          ],
          "source": [
            "obj-343",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-344",
            0
          ],
          "source": [
            "obj-338",
            1
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-335",
            0
          ],
          "source": [
            "obj-344",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-345",
            0
          ],
          "source": [
            "obj-338",
            2
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-346",
            0
          ],
          "source": [
            "obj-338",
            3
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-337",
            0
          ],
          "source": [
            "obj-346",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-338",
            0
          ],
          "source": [
            "obj-322",
            5
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-217",
            0
          ],
          "source": [
            "obj-338",
            4
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-347",
            0
          ],
          "source": [
            "obj-202",
            1
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-348",
            0
          ],
          "source": [
            "obj-347",
            1
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-349",
            0
          ],
          "source": [
            "obj-348",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-349",
            1
          ],
          "source": [
            "obj-194",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-350",
            0
          ],
          "source": [
            "obj-349",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-350",
            1
          ],
          "source": [
            "obj-347",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-351",
            0
          ],
          "source": [
            "obj-350",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-352",
            1
          ],
          "source": [
            "obj-192",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-353",
            1
          ],
          "source": [
            "obj-192",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-352",
            0
          ],
          "source": [
            "obj-351",
            5
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-353",
            0
          ],
          "source": [
            "obj-351",
            4
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-354",
            2
          ],
          "source": [
            "obj-352",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-354",
            3
          ],
          "source": [
            "obj-353",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-354",
            1
          ],
          "source": [
            "obj-351",
            3
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-354",
            0
          ],
          "source": [
            "obj-351",
            2
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-355",
            0
          ],
          "source": [
            "obj-354",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-356",
            0
          ],
          "source": [
            "obj-355",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-356",
            1
          ],
          "source": [
            "obj-355",
            1
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-356",
            2
          ],
          "source": [
            "obj-355",
            2
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-357",
            0
          ],
          "source": [
            "obj-356",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-357",
            1
          ],
          "source": [
            "obj-356",
            1
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-357",
            2
          ],
          "source": [
            "obj-196",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-358",
            0
          ],
          "source": [
            "obj-197",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-359",
            0
          ],
          "source": [
            "obj-358",
            1
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-360",
            0
          ],
          "source": [
            "obj-358",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-355",
            0
          ],
          "source": [
            "obj-359",
            0
          ]
        }
      },
      {
        "patchline": {
          "destination": [
            "obj-356",
            0
          ],
          "source": [
            "obj-360",
            0
          ]
        }
      }
    ],
    "dependency_cache": [],
    "autosave": 0
  }
}
